"""Student submissions, part 2."""

S = []

# ---------------------------------------------------------------- Noah Williams: typeset with groff -ms; uploaded twice
NOAH = r'''
# Problem 1

(B) O(log n)

# Problem 2

(A) and (B)

# Problem 3

(a) height = floor(log2(100)) = 6 since 64 <= 100 < 128.

(b) Insert 3 at position 8. Compare with parent 12 at position 3: swap. Compare with parent 9 at position 1: swap. Compare with root 5: swap. Array: [3, 5, 8, 9, 10, 11, 15, 20, 12]

(c) Three swaps were needed.

# Problem 4

(a) T[0] = 10, T[4] = 15, T[5] = 27, T[6] = 38, T[7] = 49, T[9] = 20, T[10] = 31, all other slots empty.

(b) 1 (for 38) + 2 (for 49) + 1 (for 31) + 1 (for 10) = 5 collisions.

# Problem 5

```
def is_min_heap(a: list) -> bool:
    for parent in range((len(a) - 2) // 2 + 1):
        kids = a[2*parent + 1 : 2*parent + 3]
        if any(k < a[parent] for k in kids):
            return False
    return True
```

# Problem 6

```
def merge_sorted(a: list, b: list) -> list:
    # both inputs are sorted so the concatenation
    # only needs one sort pass
    return sorted(a + b)
```

# Problem 7

In separate chaining the table is an array of lists; a key that collides is simply added to the list of its slot. In open addressing with linear probing all keys are kept in the array; a colliding key is stored in the next free slot (h(k)+1, h(k)+2, ...).

For chaining the load factor can go above 1 and the expected time of a search is Theta(1 + alpha), so it slows down gradually. For linear probing alpha is at most 1 and the expected number of probes grows roughly like 1/(1 - alpha)^2 for an unsuccessful search because clusters join together, so it gets very slow near alpha = 1 and the table should be resized around alpha = 0.5.

Deletion with chaining removes the list node. With linear probing you replace the key by a special DELETED marker (tombstone): if you set the slot to empty, a later search for a key that had probed past this slot would stop early and fail.

# Problem 8

Levels 0 to h-1 of a complete binary tree are full, so they contain sum_{i=0}^{h-1} 2^i = 2^h - 1 nodes. Level h is not empty (otherwise the height would be smaller), so n >= 2^h - 1 + 1 = 2^h.

On the other hand level i can contain at most 2^i nodes, so n <= sum_{i=0}^{h} 2^i = 2^(h+1) - 1.

Hence 2^h <= n < 2^(h+1). The function log2 is increasing, so h <= log2 n < h + 1, and because h is an integer this means h = floor(log2 n).
'''
S.append(dict(file='hw5_2023011205.pdf', id='2023011205', name='Noah Williams', how='groff',
              title='CS 2110 Homework 5', author='Noah Williams (2023011205)', md=NOAH))
S.append(dict(file='hw5_2023011205 (1).pdf', id='2023011205', name='Noah Williams', how='groff',
              title='CS 2110 Homework 5', author='Noah Williams (2023011205)', md=NOAH))

# ---------------------------------------------------------------- Priya Raman: word-processor PDF, name only in the footer
S.append(dict(file='PriyaRaman-DS-HW5.pdf', id='2023011206', name='Priya Raman', how='simple-pdf',
              header='CS 2110 Data Structures – Homework 5', footer='Priya Raman · 2023011206', md=r'''
## Problem 1

Answer: (B) O(log n)

## Problem 2

Answer: (A) insertion sort and (B) merge sort

## Problem 3

(a) 2^6 = 64 and 2^7 = 128, 64 <= 100 < 128, so the height is 6.

(b) The new key starts at index 8. 3 < 12 -> swap (index 3). 3 < 9 -> swap (index 1). 3 < 5 -> swap (index 0).

Array after insertion: [3, 5, 8, 9, 10, 11, 15, 20, 12]

(c) 3 swaps

## Problem 4

h(27) = 5, h(15) = 4, h(38) = 5, h(20) = 9, h(49) = 5, h(31) = 8, h(10) = 10

27 -> 5, 15 -> 4, 38 -> 5 taken -> 6 (1 collision), 20 -> 9, 49 -> 5, 6 taken -> 7 (2 collisions), 31 -> 8, 10 -> 10

(a) Table: [0] empty, [1] empty, [2] empty, [3] empty, [4] 15, [5] 27, [6] 38, [7] 49, [8] 31, [9] 20, [10] 10

(b) 3 collisions

## Problem 5

```
def is_min_heap(a: list) -> bool:
    i = 0
    while 2 * i + 1 < len(a):
        l = 2 * i + 1
        r = l + 1
        if a[l] < a[i]:
            return False
        if r < len(a) and a[r] < a[i]:
            return False
        i += 1
    return True
```

## Problem 6

```
def merge_sorted(a: list, b: list) -> list:
    merged = []
    p, q = 0, 0
    while p < len(a) and q < len(b):
        if a[p] <= b[q]:
            merged.append(a[p])
            p += 1
        else:
            merged.append(b[q])
            q += 1
    while p < len(a):
        merged.append(a[p])
        p += 1
    while q < len(b):
        merged.append(b[q])
        q += 1
    return merged
```

## Problem 7

(i) Separate chaining: every slot keeps a linked list and a colliding key is inserted into the list of its slot. Linear probing: the colliding key is stored in the next empty slot of the same array (h(k)+1, h(k)+2, ... mod m).

(ii) Chaining: the average list length is alpha, so search takes about 1 + alpha steps; alpha can be 2 or 3 and the table still works, just slower. Linear probing: alpha must be < 1 because each slot holds one key. When alpha gets close to 1, clusters of full slots merge (primary clustering) and the number of probes becomes very large, so we resize the table earlier.

(iii) Chaining: remove the key from its list. Linear probing: put a tombstone in the slot.

## Problem 8

Let the heap have height h. In a complete binary tree levels 0, ..., h-1 are full and level h has at least one node.

Lower bound: the full levels have 2^0 + 2^1 + ... + 2^(h-1) = 2^h - 1 nodes. Adding at least one node on level h gives n >= 2^h.

Upper bound: level i has at most 2^i nodes, so n <= 2^0 + ... + 2^h = 2^(h+1) - 1.

Conclusion: 2^h <= n <= 2^(h+1) - 1 < 2^(h+1). Taking log base 2 gives h <= log2(n) < h + 1. h is an integer, so h = floor(log2(n)).
'''))

# ---------------------------------------------------------------- Marcus Johnson: Markdown file
S.append(dict(file='Marcus_Johnson_hw5.md', id='2023011207', name='Marcus Johnson', how='md', md=r'''
# CS2110 HW5 — Marcus Johnson (2023011207)

## Q1
B (O(log n))

## Q2
A and B

## Q3
(a) 6 (2^6 = 64 <= 100 < 2^7)

(b) 3 is added at the end (index 8). Its parent is 12 → swap. Then its parent is 9 → swap. Now 3 is at index 1 and the heap is:

[5, 3, 8, 9, 10, 11, 15, 20, 12]

(c) 2 swaps

## Q4
(a)

| index | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 |
|---|---|---|---|---|---|---|---|---|---|---|---|
| key | 10 | | | | 15 | 27 | 38 | 49 | | 20 | 31 |

(b) 38: 1, 49: 2, 31: 1, 10: 1 → 5

## Q5
```python
def is_min_heap(a: list) -> bool:
    for child in range(1, len(a)):
        parent = (child - 1) // 2
        if a[parent] > a[child]:
            return False
    return True
```

## Q6
```python
def merge_sorted(a: list, b: list) -> list:
    merged = []
    i = j = 0
    while i < len(a) and j < len(b)
        if a[i] <= b[j]:
            merged.append(a[i])
            i += 1
        else:
            merged.append(b[j])
            j += 1
    merged.extend(a[i:])
    merged.extend(b[j:])
    return merged
```

## Q7
**Chaining:** each slot of the array is a list; keys that collide go into the same list. **Linear probing:** a key that collides is moved to the next open slot in the array.

**Load factor:** with chaining the lists just get longer and the expected cost is O(1 + α), it even works for α > 1. With linear probing α has to stay below 1 and near 1 the searches have to probe a long way.

**Deletion:** chaining just deletes from the list. For linear probing you have to use lazy deletion (mark as deleted) because if you empty the slot, searching for a key further along the same cluster would hit the empty slot and stop too early.

## Q8
Each level i has at most 2^i nodes. A heap of height h has the levels 0 to h, so at most 1 + 2 + ... + 2^h = 2^(h+1) - 1 nodes. The smallest heap of height h has levels 0 to h-1 full and one node on level h, that is 2^h - 1 + 1 = 2^h nodes. So 2^h <= n <= 2^(h+1) - 1.
'''))
