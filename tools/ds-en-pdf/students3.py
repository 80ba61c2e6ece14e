"""Student submissions, part 3."""

S = []

# ---------------------------------------------------------------- Hannah Lee: Word document, "Answer n."
S.append(dict(file='HW5_HannahLee.docx', id='2023011208', name='Hannah Lee', how='docx', md=r'''
# Data Structures Homework 5

Hannah Lee

Student ID: 2023011208

## Answer 1.

B. O(log n)

## Answer 2.

B (merge sort)

## Answer 3.

a. log2(100) ≈ 6.64, so the height of the heap is 6.64

b. Insert 3 at the end → index 8. Bubble up: swap with 12, then with 9, then with 5.
Array = [3, 5, 8, 9, 10, 11, 15, 20, 12]

c. 3

## Answer 4.

a.

Slot 0: 10

Slot 4: 15

Slot 5: 27

Slot 6: 38

Slot 7: 49

Slot 9: 20

Slot 10: 31

b. 5

## Answer 5.

```
def is_min_heap(a):
    for i in range(len(a)):
        for c in (2*i+1, 2*i+2):
            if c < len(a) and not a[i] < a[c]:
                return False
    return True
```

## Answer 6.

```
def merge_sorted(a, b):
    out = []
    i = 0
    j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    out = out + a[i:] + b[j:]
    return out
```

## Answer 7.

In chaining each array slot has a linked list of the keys that hash there. In open addressing the keys are all in the array and when there is a collision we look at the next slot.

Chaining is better when the load factor is high.

## Answer 8.

I am not sure how to prove this one.
'''))

# ---------------------------------------------------------------- no name in the file: only the ID in the file name
S.append(dict(file='hw5_2023011209.pdf', id='2023011209', name='', how='chromium-plain', md=r'''
# CS 2110 — Homework 5 submission

## Problem 1

(B) — O(log n)

## Problem 2

(A) (B)

## Problem 3

a) 6, because 63 keys fill levels 0 to 5 and the other 37 are on level 6.

b) index 8 ← 3; swap with parent 12 (index 3); swap with parent 9 (index 1); swap with parent 5 (index 0).
New array: [3, 5, 8, 9, 10, 11, 15, 20, 12]

c) 3 swaps

## Problem 4

a) [10, _, _, _, 15, 27, 38, 49, _, 20, 31] (index 0 to 10, _ = empty)

b) 0 + 0 + 1 + 0 + 2 + 1 + 1 = 5 collisions

## Problem 5

```python
def is_min_heap(a: list) -> bool:
    def ok(i):
        if i >= len(a):
            return True
        for c in (2 * i + 1, 2 * i + 2):
            if c < len(a) and a[c] < a[i]:
                return False
        return ok(2 * i + 1) and ok(2 * i + 2)
    return ok(0)
```

## Problem 6

```python
def merge_sorted(a: list, b: list) -> list:
    out = []
    i = j = 0
    for _ in range(len(a) + len(b)):
        if j >= len(b) or (i < len(a) and a[i] <= b[j]):
            out.append(a[i])
            i += 1
        else:
            out.append(b[j])
            j += 1
    return out
```

## Problem 7

(i) Separate chaining stores all keys with the same hash value in a linked list attached to that slot. Open addressing with linear probing stores every key in the table array; a key whose slot is taken goes to the next free slot.

(ii) With chaining the expected search cost is Θ(1 + α) and α may be larger than 1; the table degrades gracefully. With linear probing α ≤ 1 by definition, and as α → 1 clusters grow and merge, so the expected number of probes goes to infinity; that is why implementations resize at α around 0.7.

(iii) With chaining, deleting is removing the node from the list. With linear probing an empty slot ends a search, so emptying a slot would make keys behind it in the cluster unreachable; therefore the slot is marked as deleted (tombstone) and searches continue past it.

## Problem 8

Proof by induction on h.

Base case h = 0: the heap is one node, n = 1, and 2^0 = 1 ≤ 1 ≤ 2^1 − 1 = 1.

Step: let T have height h ≥ 1. Removing the nodes of level h leaves a perfect (full) tree of height h − 1 with 2^h − 1 nodes (every level above the last is full in a complete tree). Level h holds between 1 and 2^h nodes, so 2^h − 1 + 1 ≤ n ≤ 2^h − 1 + 2^h, i.e. 2^h ≤ n ≤ 2^(h+1) − 1.

Therefore 2^h ≤ n < 2^(h+1), so h ≤ log₂ n < h + 1 and since h is an integer, h = ⌊log₂ n⌋.
'''))

# ---------------------------------------------------------------- Olivia Brown: page header/footer with page numbers
S.append(dict(file='OBrown_hw5.pdf', id='2023011210', name='Olivia Brown', how='chromium-pagebox',
              top_left='Olivia Brown (2023011210)', top_right='CS 2110 — HW 5', md=r'''
## Part A

**1.** (B) O(log n)

**2.** (A) and (B)

**3.**
(a) The heap has height 6 (⌊log₂ 100⌋ = 6).
(b) [3, 5, 8, 9, 10, 11, 15, 20, 12] — 3 moves up from index 8 to 3 to 1 to 0.
(c) 3

**4.**
(a) 0 → 10, 4 → 15, 5 → 27, 6 → 38, 7 → 49, 9 → 20, 10 → 31 (1, 2, 3, 8 empty)
(b) 5 collisions (one each for 38, 31 and 10, two for 49)

## Part B

**5.**

```python
import heapq

def is_min_heap(a):
    b = list(a)        # copy so a is not modified
    heapq.heapify(b)
    return b == a
```

**6.**

```python
def merge_sorted(a, b):
    out = []
    i = j = 0
    while i < len(a) and j < len(b):
        if a[i] <= b[j]:
            out.append(a[i]); i += 1
        else:
            out.append(b[j]); j += 1
    return out + a[i:] + b[j:]
```

## Part C

**7.**
Chaining: colliding keys are stored together in a linked list (bucket) at their slot. Open addressing (linear probing): the key is stored in the array itself at the next empty position.

Load factor: for chaining α = n/m can exceed 1; expected time O(1 + α) rises linearly. For linear probing α < 1 is required, and as α approaches 1 the clusters become huge and the expected probes go up like 1/(1−α)², so we rehash when α > 0.5.

Deletion: chaining — unlink the node. Linear probing — a tombstone is needed, because an emptied slot would stop the search for keys that were inserted after it in the same cluster.

Extra: chaining needs extra memory for the pointers, linear probing uses the cache better.

**8.**
Levels 0..h−1 are full: 2^h − 1 nodes. Level h has 1 to 2^h nodes.
Minimum n = 2^h − 1 + 1 = 2^h, maximum n = 2^h − 1 + 2^h = 2^(h+1) − 1.
Therefore 2^h ≤ n ≤ 2^(h+1) − 1, and taking logarithms h = log₂ n.
'''))
