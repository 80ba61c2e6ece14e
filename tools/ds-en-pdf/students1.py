"""Student submissions, part 1. Each entry: file name, true identity, how the file was produced, text."""

S = []

# ---------------------------------------------------------------- Emily Carter: strong, Google-Docs-like page
S.append(dict(file='Carter_Emily_HW5.pdf', id='2023011201', name='Emily Carter', how='chromium-doc',
              header='Emily Carter — 2023011201 — CS 2110 Homework 5', md=r'''
# Homework 5

## Part A

### Problem 1

**(B) O(log n).** The new key goes into the next free leaf and bubbles up at most once per level, and a heap with n keys has about log n levels.

### Problem 2

**A and B.** Insertion sort only moves an element past strictly larger ones and merge sort takes from the left half on ties, so equal keys keep their order. Heapsort and quicksort can swap equal keys over long distances.

### Problem 3

(a) The height is ⌊log₂ 100⌋ = 6, because 2^6 = 64 ≤ 100 < 128 = 2^7. (Levels 0–5 hold 63 keys, and the remaining 37 keys are on level 6.)

(b) Put 3 at index 8. Parent (8−1)/2 = 3 has 12 > 3, swap → [5, 9, 8, 3, 10, 11, 15, 20, 12]. Parent of index 3 is index 1 with 9 > 3, swap → [5, 3, 8, 9, 10, 11, 15, 20, 12]. Parent of index 1 is the root 5 > 3, swap → final array **[3, 5, 8, 9, 10, 11, 15, 20, 12]**.

(c) 3 swaps.

### Problem 4

Home slots: 27→5, 15→4, 38→5, 20→9, 49→5, 31→9, 10→10.

- 27 → slot 5; 15 → slot 4
- 38: slot 5 full (1 collision) → slot 6
- 20 → slot 9
- 49: slots 5, 6 full (2 collisions) → slot 7
- 31: slot 9 full (1 collision) → slot 10
- 10: slot 10 full (1 collision), wrap around → slot 0

(a) Final table: 0: 10 | 1: – | 2: – | 3: – | 4: 15 | 5: 27 | 6: 38 | 7: 49 | 8: – | 9: 20 | 10: 31

(b) Total collisions = 1 + 2 + 1 + 1 = **5**.

## Part B

### Problem 5

```python
def is_min_heap(a: list) -> bool:
    n = len(a)
    for i in range(n):
        left = 2 * i + 1
        right = 2 * i + 2
        if left < n and a[i] > a[left]:
            return False
        if right < n and a[i] > a[right]:
            return False
    return True
```

### Problem 6

```python
def merge_sorted(a: list, b: list) -> list:
    i, j = 0, 0
    out = []
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out.extend(a[i:])   # at most one of these
    out.extend(b[j:])   # two is non-empty
    return out
```

## Part C

### Problem 7

**Where keys go.** With separate chaining every slot of the table points to a linked list, and all keys that hash to that slot are stored in that list. With open addressing every key lives in the array itself; if its home slot is taken, linear probing walks to the next slots until it finds an empty one.

**Load factor.** With chaining α = n/m can be larger than 1 without any problem; the average list has length α, so a search costs about 1 + α and gets slower only gradually. With linear probing α can never exceed 1 because there are only m slots, and long runs of occupied slots (primary clustering) form, so the expected number of probes grows like 1/(1−α)² for misses and explodes as α approaches 1. In practice the table is resized when α reaches about 0.5–0.7.

**Deletion.** Chaining: just unlink the node from its list. Linear probing: we cannot simply make the slot empty, because a later search for a key that was pushed past this slot would stop at the hole and wrongly report "not found". Instead the slot gets a tombstone marker that searches skip over and inserts may reuse.

Also, probing is cache-friendly since it scans consecutive array cells, while chains follow pointers.

### Problem 8

Levels 0, 1, …, h−1 of a complete binary tree are full, and level i of a binary tree has at most 2^i nodes.

*Lower bound.* The full levels contain 1 + 2 + … + 2^(h−1) = 2^h − 1 nodes. Since the height is h, level h contains at least one node. So n ≥ 2^h − 1 + 1 = 2^h.

*Upper bound.* Every level i ≤ h contains at most 2^i nodes, so n ≤ 1 + 2 + … + 2^h = 2^(h+1) − 1.

*Conclusion.* 2^h ≤ n ≤ 2^(h+1) − 1 < 2^(h+1). Taking log₂ (which is increasing): h ≤ log₂ n < h + 1. Since h is an integer, h = ⌊log₂ n⌋. ∎
'''))

# ---------------------------------------------------------------- Daniel Kim: Markdown preview printed with browser header/footer
S.append(dict(file='hw5_daniel_kim.pdf', id='2023011202', name='Daniel Kim', how='chromium-markdown',
              title='HW5 - Daniel Kim (2023011202)', md=r'''
# CS 2110 – HW5

Daniel Kim, 2023011202

## 1.

B — O(log n), sift-up follows one path from a leaf to the root.

## 2.

A (insertion sort is stable). Merge sort and heapsort both swap things around so they are not stable, and quicksort is not stable either.

## 3.

a) h = floor(log2 100) = 6

b) append 3 at index 8 → swap with 12 (index 3) → swap with 9 (index 1) → swap with 5 (root)

Result: [3, 5, 8, 9, 10, 11, 15, 20, 12]

c) 3 swaps

## 4.

27 mod 11 = 5, 15 mod 11 = 4, 38 mod 11 = 5 → 6, 20 mod 11 = 9, 49 mod 11 = 5 → 6 → 7, 31 mod 11 = 9 → 10, 10 mod 11 = 10 → 0 (wraps)

| slot | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 |
|---|---|---|---|---|---|---|---|---|---|---|---|
| key | 10 | | | | 15 | 27 | 38 | 49 | | 20 | 31 |

b) collisions: 38 one, 49 two, 31 one → 4 collisions in total

## 5.

```python
def is_min_heap(a):
    # only the internal nodes have children
    for i in range(len(a) // 2 - 1):
        if a[i] > a[2*i + 1]:
            return False
        if 2*i + 2 < len(a) and a[i] > a[2*i + 2]:
            return False
    return True

print(is_min_heap([1, 3, 2, 7]))   # True
print(is_min_heap([4, 5, 1]))      # False
```

## 6.

```python
def merge_sorted(a, b):
    result = []
    i = j = 0
    while i < len(a) or j < len(b):
        if j == len(b) or (i < len(a) and a[i] <= b[j]):
            result.append(a[i])
            i += 1
        else:
            result.append(b[j])
            j += 1
    return result
```

## 7.

Separate chaining: each bucket has a linked list and colliding keys are appended to the list of their bucket. Open addressing: there are no lists, a colliding key is put into another empty slot of the array, with linear probing the next free one.

As α grows, chaining just gets longer lists, cost is O(1 + α), and α > 1 is allowed. Open addressing needs α < 1 since every key needs its own slot, and as α gets close to 1 the clusters get long and inserts/searches need many probes, so you rehash into a bigger table before that.

Deleting: in chaining you remove the node from the list. In open addressing you mark the slot as deleted instead of emptying it.

Chaining uses extra memory for the pointers of the list nodes.

## 8.

A complete binary tree of height h has levels 0..h, levels 0..h-1 are completely full and level h has between 1 and 2^h nodes.

Full levels: 2^0 + 2^1 + ... + 2^(h-1) = 2^h - 1 nodes.

Minimum: 2^h - 1 + 1 = 2^h. Maximum: 2^h - 1 + 2^h = 2^(h+1) - 1. So 2^h <= n <= 2^(h+1) - 1.

Then 2^h <= n < 2^(h+1), take log2: h <= log2 n < h+1, so h is the largest integer not exceeding log2 n, i.e. h = floor(log2 n).
'''))

# ---------------------------------------------------------------- Sofia Martinez: two-column layout, Q1..Q8
S.append(dict(file='Sofia_Martinez_2023011203_HW5.pdf', id='2023011203', name='Sofia Martinez', how='chromium-twocol',
              title_block='Sofia Martinez · ID 2023011203 · CS 2110 Data Structures · Homework 5', md=r'''
### Q1

(B) O(log n)

### Q2

(A), (B)

### Q3

(a) log2(100) = 6.64, round up → height 7

(b) 3 goes to index 8, then sift up: swap with 12, swap with 9, swap with 5.
[3, 5, 8, 9, 10, 11, 15, 20, 12]

(c) 3

### Q4

(a)

| slot | key |
|---|---|
| 0 | 10 |
| 4 | 15 |
| 5 | 27 |
| 6 | 38 |
| 7 | 49 |
| 9 | 20 |
| 10 | 31 |

others empty

(b) 38 → 1, 49 → 2, 31 → 1, 10 → 1; total 5

### Q5

```python
def is_min_heap(a: list) -> bool:
    # every non-root node must be >= its parent
    return all(a[(k - 1) // 2] <= a[k]
               for k in range(1, len(a)))
```

### Q6

```python
def merge_sorted(a: list, b: list) -> list:
    result = []
    i = j = 0
    while i < len(a) and j < len(b):
        if b[j] < a[i]:
            result.append(b[j])
            j += 1
        else:
            result.append(a[i])
            i += 1
    result += a[i:] + b[j:]
    return result
```

### Q7

(i) Chaining stores all keys of one slot in a linked list hanging off that slot. Linear probing stores each key directly in the array, in the first free slot at or after h(k).

(ii) Chaining: cost 1 + α on average, α > 1 is fine, performance degrades smoothly. Linear probing: α ≤ 1 always (the table can fill up); runs of full slots merge into big clusters (primary clustering), so the number of probes grows very fast near α = 1; we double the table at α ≈ 1/2.

(iii) Chaining: delete from the list. Linear probing: leave a "deleted" tombstone, since emptying the slot would break the probe chain and later keys of the same cluster could not be found any more.

(iv) Linear probing has better cache performance, no pointers.

### Q8

Levels 0 … h−1 are full: 1 + 2 + … + 2^(h−1) = 2^h − 1 nodes. Level h has at least 1 node → n ≥ 2^h.

At most all levels 0 … h are full → n ≤ 2^0 + … + 2^h = 2^(h+1) − 1.

So 2^h ≤ n ≤ 2^(h+1) − 1 and therefore h = log₂ n.
'''))

# ---------------------------------------------------------------- Liam O'Brien: answers laid out in a table
S.append(dict(file='LiamOBrien_HW5.pdf', id='2023011204', name="Liam O'Brien", how='chromium-table',
              rows=[
                  ('1', r'''C — O(n), because in the worst case the new key has to be compared with all n keys.'''),
                  ('2', r'''A, B, D'''),
                  ('3', r'''(a) 2^6 = 64 ≤ 100 < 128 = 2^7, so height = 6

(b) [3, 5, 8, 9, 10, 11, 15, 20, 12] (3 ↔ 12, 3 ↔ 9, 3 ↔ 5)

(c) 3 swaps'''),
                  ('4', r'''(a) slot 0 = 10, slot 4 = 15, slot 5 = 27, slot 6 = 38, slot 7 = 49, slot 9 = 20, slot 10 = 31, rest empty

(b) 5 collisions'''),
                  ('5', r'''```python
def is_min_heap(a):
    n = len(a)
    i = 0
    while 2 * i + 2 < n:
        if a[i] > a[2 * i + 1] or a[i] > a[2 * i + 2]:
            return False
        i += 1
    return True
```'''),
                  ('6', r'''```python
def merge_sorted(a, b):
    res = []
    i = 0
    j = 0
    while i < len(a) and j < len(b):
        if a[i] < b[j]:
            res.append(a[i])
            i = i + 1
        else:
            res.append(b[j])
            j = j + 1
    while i < len(a):
        res.append(a[i])
        i = i + 1
    return res
```'''),
                  ('7', r'''Chaining puts colliding keys into a linked list at that index. Open addressing puts the key in the next empty index of the array.

With chaining a high load factor makes the lists long so search is slower, about 1 + α.

Deleting in chaining is easy, you just remove the key from the linked list.'''),
                  ('8', r'''Level i of the tree has 2^i nodes, so level h alone has 2^h nodes and n ≥ 2^h.

If all levels are full there are 1 + 2 + 4 + ... + 2^h = 2^(h+1) − 1 nodes, which is the most possible, so n ≤ 2^(h+1) − 1.

Taking logs gives h = ⌊log₂ n⌋.'''),
              ]))
