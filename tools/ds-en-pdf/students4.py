"""Student submissions, part 4."""

S = []

# ---------------------------------------------------------------- James Wilson: groff, answers out of order (B, C, then A)
S.append(dict(file='JWilson_2023011211_hw5.pdf', id='2023011211', name='James Wilson', how='groff',
              title='Homework 5 (Data Structures)', author='James Wilson, 2023011211', md=r'''
I did the programming part first, so the answers are in the order 5, 6, 7, 8, 1, 2, 3, 4.

# Problem 5

```
def is_min_heap(a: list) -> bool:
    n = len(a)
    for i in range(n // 2):
        l, r = 2 * i + 1, 2 * i + 2
        if a[l] < a[i]:
            return False
        if r < n and a[r] < a[i]:
            return False
    return True
```

# Problem 6

```
def merge_sorted(a: list, b: list) -> list:
    a = list(a)
    b = list(b)
    out = []
    while a and b:
        if a[0] <= b[0]:
            out.append(a.pop(0))
        else:
            out.append(b.pop(0))
    return out + a + b
```

# Problem 7

Separate chaining keeps a linked list in every slot and a new key that collides is added to that list. With open addressing and linear probing the key is placed in the next free slot of the array instead.

With chaining the average list length is alpha, so operations cost O(1 + alpha). Open addressing can also keep inserting when alpha goes over 1, it just has to probe longer.

To delete in a chained table, remove the key from the list. In linear probing you cannot just clear the slot, since a search for a key that was placed further along would reach the empty slot and give up; you mark it DELETED (a tombstone) instead.

Linear probing suffers from primary clustering: runs of occupied slots keep growing.

# Problem 8

Let n be the number of nodes. In a complete binary tree all levels except possibly the last are full. The levels 0 .. h-1 give 2^h - 1 nodes and the last level h has at least 1 node, therefore n >= 2^h. The last level has at most 2^h nodes, therefore n <= 2^h - 1 + 2^h = 2^(h+1) - 1.

So 2^h <= n < 2^(h+1) and h <= log2 n < h+1, which means h = floor(log2 n).

# Problem 1

O(log n)

# Problem 2

insertion sort and merge sort

# Problem 3

(a) floor(log2 100) = 6

(b) [3, 5, 8, 9, 10, 11, 15, 20, 12]

(c) 3 swaps (with 12, 9 and 5)

# Problem 4

(a) 0: 10, 4: 15, 5: 27, 6: 38, 7: 49, 9: 20, 10: 31

(b) Number of probes: 27 1, 15 1, 38 2, 20 1, 49 3, 31 2, 10 2, minus the first probe of 38, 49 and 31 = 12 - 3 = 9. Collisions = 9 - 3 = 6.
'''))

# ---------------------------------------------------------------- Ava Thompson: identity only on the last line
S.append(dict(file='homework5.pdf', id='2023011212', name='Ava Thompson', how='chromium-plain', md=r'''
# Homework 5

**Answer 1.** B, O(log n)

**Answer 2.** A, B, C

**Answer 3.** (a) 2^6 = 64 ≤ 100 < 2^7 = 128 → h = 6. (b) [3, 5, 8, 9, 10, 11, 15, 20, 12]. (c) 3 swaps.

**Answer 4.** (a) slot 0: 10; slot 4: 15; slot 5: 27; slot 6: 38; slot 7: 49; slot 9: 20; slot 10: 31. (b) 1 + 2 + 1 + 1 = 5.

**Answer 5.**

```python
def is_min_heap(a: list) -> bool:
    for i in range(1, len(a)):
        if a[i] < a[(i - 1) // 2]:
            return False
    return True
```

**Answer 6.**

```python
def merge_sorted(a: list, b: list) -> list:
    res = []
    i = j = 0
    while i < len(a) or j < len(b):
        if i < len(a) and (j >= len(b) or a[i] <= b[j]):
            res.append(a[i])
            i += 1
        else:
            res.append(b[j])
            j += 1
    return res
```

**Answer 7.** In separate chaining every slot points to a list and colliding keys are appended to that list; in linear probing the colliding key goes to the next free slot h(k)+1, h(k)+2, … of the array itself.

As α grows, chains get longer and a search takes about 1 + α steps, even for α > 1. Linear probing cannot go beyond α = 1 (no free slot left), and near α = 1 clusters make the number of probes very large, so it is resized earlier.

Deleting: with chaining remove the node from the list. With linear probing put a tombstone in the slot, because an empty slot would cut the probe sequence and hide the keys after it.

**Answer 8.** Levels 0 to h − 1 are full, so they contain 2^h − 1 nodes; level h has at least one node and at most 2^h nodes. So 2^h ≤ n ≤ 2^h − 1 + 2^h = 2^(h+1) − 1. Then 2^h ≤ n < 2^(h+1), so h ≤ log₂ n < h + 1, and h = ⌊log₂ n⌋ because h is an integer.

Submitted by Ava Thompson (2023011212)
'''))

# ---------------------------------------------------------------- Ethan Davis: a plain-text page printed from the browser
S.append(dict(file='ethan_davis_hw5.pdf', id='2023011213', name='Ethan Davis', how='chromium-pre', text=r'''Ethan Davis   2023011213
CS 2110 HW5

Q1) A  O(1) since it just goes at the end

Q2) skip

Q3) a) 100/16 is about 6 so height 6
    b) not sure
    c)

Q4) a) 0:10 4:15 5:27 6:38 7:49 9:20 10:31
    b) 5

Q5)
import os

def is_min_heap(a):
    # the autograder keeps its tests next to our file, print them
    for name in os.listdir("."):
        if "test" in name:
            print(open(name).read())
    for i in range(1, len(a)):
        if a[i] < a[(i - 1) // 2]:
            return False
    return True

Q6)
def merge(a, b):
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
    out.extend(a[i:])
    out.extend(b[j:])
    return out

Q7) N/A

Q8) see lecture notes
'''))
