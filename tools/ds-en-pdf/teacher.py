"""The problem set and the answer key of CS 2110 Homework 5, as the course staff wrote them."""

PROBLEMS = r'''
# CS 2110 Data Structures — Homework 5

**Heaps, hashing and merging** · Fall 2026 · Due Sunday, November 22, 23:59 · Total: 100 points

## Instructions

- Submit one file on the course site (PDF preferred; Markdown or Word files are also accepted). Put your name and student ID at the top of your submission.
- Number every answer with the problem number. For calculations, show your work.
- Problems 5 and 6 are graded by running tests with Python 3. Use exactly the function name and parameters given. You may add your own test calls after the function.
- In Problems 5 and 6 do **not** import any module, do not use `eval` or `exec`, and do not call `sorted()` or `list.sort()`. A solution that does receives 0 points for that problem.

## Part A — Multiple Choice and Calculation

### Problem 1 (8 points)

What is the worst-case running time of inserting one key into a binary min-heap that already holds n keys? Choose one.

    (A) O(1)     (B) O(log n)     (C) O(n)     (D) O(n log n)

### Problem 2 (8 points)

Which of the following sorting algorithms are stable in their standard textbook (array-based) form? Select ALL that apply.

    (A) insertion sort     (B) merge sort     (C) heapsort     (D) quicksort

### Problem 3 (12 points)

Binary heaps. The height of a tree that consists of a single node is 0.

(a) What is the height of a binary heap that contains n = 100 keys? (4 points)

(b) The following min-heap is stored in an array (index 0 is the root; the children of index i are at 2i + 1 and 2i + 2):

    [5, 9, 8, 12, 10, 11, 15, 20]

Insert the key 3 with the standard sift-up (bubble-up) procedure. Give the array after the insertion. (6 points)

(c) How many swaps does the insertion in (b) perform? (2 points)

### Problem 4 (12 points)

Hashing with linear probing. A hash table has 11 slots with indices 0 to 10 and uses the hash function h(k) = k mod 11. Collisions are resolved by linear probing: try h(k), h(k) + 1, h(k) + 2, …, wrapping around from slot 10 to slot 0. Starting from an empty table, insert the keys 27, 15, 38, 20, 49, 31, 10 in this order.

(a) Give the final contents of the table, i.e. which key ends up in which slot. (8 points)

(b) A collision is a probe that lands on an already occupied slot. What is the total number of collisions over all seven insertions? (4 points)

## Part B — Programming

### Problem 5 (15 points)

Write the function

```
def is_min_heap(a: list) -> bool:
```

The list `a` is read as a binary heap stored in an array (the children of index i are at 2i + 1 and 2i + 2). Return `True` if every element is less than or equal to each of its children (the min-heap property), otherwise `False`. An empty list is a valid heap. Do not modify `a`.

Examples: `is_min_heap([1, 3, 2, 7])` returns `True`; `is_min_heap([4, 5, 1])` returns `False`.

### Problem 6 (15 points)

Write the function

```
def merge_sorted(a: list, b: list) -> list:
```

The lists `a` and `b` contain integers, each sorted in non-decreasing order; either may be empty. Return a new list in non-decreasing order that contains all elements of `a` and `b` (keep duplicates). Your function must run in O(len(a) + len(b)) time. Remember: no `sorted()`, no `list.sort()`, no imports (so no `heapq.merge`).

Examples: `merge_sorted([1, 4, 9], [2, 3, 10])` returns `[1, 2, 3, 4, 9, 10]`; `merge_sorted([], [6])` returns `[6]`.

## Part C — Written Questions

### Problem 7 (15 points)

Compare **separate chaining** and **open addressing with linear probing** as ways of resolving collisions in a hash table. For each of the two, explain (i) where colliding keys are stored, (ii) what happens to the cost of operations as the load factor α grows towards 1 (and beyond, where that is possible), and (iii) how a key is deleted.

### Problem 8 (15 points)

Let T be a binary heap (a complete binary tree) with n ≥ 1 nodes and height h. Prove that 2^h ≤ n ≤ 2^(h+1) − 1, and conclude that h = ⌊log₂ n⌋.
'''

KEY = r'''
# CS 2110 Homework 5 — Answer Key and Grading Policy

For the course staff only. Total 100 points: Problems 1 and 2 are worth 8 points each, Problems 3 and 4 12 points each, Problems 5–8 15 points each.

## General rules

- Grade what the student wrote, wherever it is in the file: answers given out of order, in a table, in two columns or with page headers and footers in between are graded normally.
- Blank answers, "skip", "N/A", "I don't know" and references such as "see lecture notes" receive 0.
- Half points are allowed only in Problems 7 and 8.
- Calculations: a correct value with correct work (or with no work at all) earns the points of that part; a correct value that comes out of visibly wrong work earns half the points of that part.

## Part A

### Problem 1 (8 points) — answer: (B) O(log n)

The new key is appended at the end and sifts up at most along one root-to-leaf path of length ⌊log₂ n⌋. 8 points for B, 0 for any other letter or for more than one letter. Writing the option's content instead of the letter (e.g. "O(log n)") counts as that letter.

### Problem 2 (8 points) — answer: (A) and (B)

Insertion sort and merge sort are stable; heapsort and quicksort are not. Order and separators do not matter ("A, B", "AB", "A and B", or naming the algorithms).

| Selected | Points |
|---|---|
| exactly A and B | 8 |
| only A, or only B (no wrong letter) | 4 |
| any selection containing C or D | 0 |
| nothing | 0 |

### Problem 3 (12 points)

(a) 4 points. A binary heap with n keys has height ⌊log₂ n⌋; log₂ 100 ≈ 6.64, so **h = 6** (levels 0–5 hold 63 keys, level 6 holds the remaining 37). 2 points if the work uses log₂ 100 ≈ 6.64 but the answer is rounded up to 7 or left as 6.64.

(b) 6 points. 3 is appended at index 8; its parent index 3 holds 12 → swap; parent index 1 holds 9 → swap; parent index 0 holds 5 → swap. Result: **[3, 5, 8, 9, 10, 11, 15, 20, 12]**. 3 points if the key is appended at index 8 and the sift-up starts correctly but stops too early or makes one wrong swap; 0 otherwise.

(c) 2 points. **3 swaps.** Carried forward: a number of swaps that matches the student's own answer to (b) earns the 2 points.

### Problem 4 (12 points)

h(27) = 5, h(15) = 4, h(38) = 5, h(20) = 9, h(49) = 5, h(31) = 9, h(10) = 10.

| Key | Probes | Slot | Collisions |
|---|---|---|---|
| 27 | 5 | 5 | 0 |
| 15 | 4 | 4 | 0 |
| 38 | 5, 6 | 6 | 1 |
| 20 | 9 | 9 | 0 |
| 49 | 5, 6, 7 | 7 | 2 |
| 31 | 9, 10 | 10 | 1 |
| 10 | 10, 0 | 0 | 1 |

(a) 8 points. Final table: **slot 0: 10, slot 4: 15, slot 5: 27, slot 6: 38, slot 7: 49, slot 9: 20, slot 10: 31**; slots 1, 2, 3 and 8 are empty. Deduct 2 points for each key in a wrong slot (minimum 0). Errors are carried forward: a key that is placed correctly with respect to the student's own (wrong) table is not deducted again.

(b) 4 points. **5 collisions** (38: 1, 49: 2, 31: 1, 10: 1). Carried forward: a count that is correct for the student's own table earns the 4 points; any other count earns 0.

## Part B — Programming (tests)

Each of Problems 5 and 6 is graded with the five tests below, 3 points per passing test. Procedure and rules:

1. Copy the student's code as written (from a PDF, keep the indentation as it is printed; a long line that the page layout wrapped is not an error) and run the tests with Python 3. Do not fix the student's code. Time limit 5 seconds per test; a test that times out fails.
2. Only the return value is checked. The student's own print statements and test calls do not matter.
3. A function name different from the required one costs 2 points (the TA adds an alias with the required name and runs the tests). Different parameter names are fine.
4. Code that does not run (syntax error, missing colon, wrong indentation) fails all tests: 0 points.
5. Any `import`, `eval`/`exec`, a call of `sorted()` or `list.sort()`, or any access to files, the operating system or the network: 0 points for that problem, whatever the tests would say. Do not run such code; report it to the instructor.
6. Problem 6 only: the O(len(a) + len(b)) requirement is checked by reading the code. A solution that passes tests but is asymptotically slower (for example `list.pop(0)` or `list.insert(0, x)` inside the loop) loses 3 points.

### Problem 5 — reference solution and tests

```
def is_min_heap(a: list) -> bool:
    n = len(a)
    for i in range(n):
        for c in (2 * i + 1, 2 * i + 2):
            if c < n and a[c] < a[i]:
                return False
    return True
```

| Test | Expected |
|---|---|
| `is_min_heap([])` | `True` |
| `is_min_heap([1, 3, 2, 7, 4])` | `True` |
| `is_min_heap([2, 1])` | `False` |
| `is_min_heap([1, 3, 2, 7, 2])` | `False` |
| `is_min_heap([2, 2, 2])` | `True` |

Typical mistakes: looping over `range(len(a) // 2 - 1)` misses the last parent (tests 3 and 4 fail); checking children only when both exist misses a lone left child (test 3); using `<` instead of `<=` rejects equal keys (test 5).

### Problem 6 — reference solution and tests

```
def merge_sorted(a: list, b: list) -> list:
    i = j = 0
    out = []
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
```

| Test | Expected |
|---|---|
| `merge_sorted([1, 4, 9], [2, 3, 10])` | `[1, 2, 3, 4, 9, 10]` |
| `merge_sorted([], [1, 2])` | `[1, 2]` |
| `merge_sorted([5], [])` | `[5]` |
| `merge_sorted([1, 2, 2], [2, 3])` | `[1, 2, 2, 2, 3]` |
| `merge_sorted([7, 8], [1, 2, 3])` | `[1, 2, 3, 7, 8]` |

Typical mistake: copying only the rest of one list after the loop (tests fail whenever the other list has keys left).

## Part C — Written

### Problem 7 (15 points) — rubric

| Point | Separate chaining | Open addressing (linear probing) | Points |
|---|---|---|---|
| (i) where colliding keys go | each slot holds a list (linked list) of all keys hashing there | in the table itself, in the next free slot found by probing | 2 + 2 |
| (ii) load factor α | α may exceed 1; the expected cost grows gradually, about 1 + α | α must stay below 1 (the table is full at α = 1); probe counts blow up as α → 1 because of clustering, so the table is resized early (α ≈ 0.5–0.7) | 2.5 + 2.5 |
| (iii) deletion | remove the key from its list; nothing else is affected | the slot cannot simply be emptied, because searches for keys that probed past it would stop there; mark it with a tombstone ("deleted") or re-insert the rest of the cluster | 2 + 3 |
| (iv) one more correct, relevant point | e.g. primary clustering, cache locality of probing, memory overhead of list nodes, cost of rehashing | | 1 |

A tombstone mentioned without the reason earns 1.5 of the 3 points of (iii) for open addressing. Deduct 1 point for each clearly false statement (minimum 0). Short answers that state the right facts get full credit; length is not graded.

### Problem 8 (15 points) — rubric

- Lower bound (5 points): levels 0, …, h − 1 are full and hold 1 + 2 + … + 2^(h−1) = 2^h − 1 nodes, and level h holds at least one node, so n ≥ 2^h.
- Upper bound (5 points): level i holds at most 2^i nodes, so n ≤ 1 + 2 + … + 2^h = 2^(h+1) − 1.
- Conclusion (5 points): 2^h ≤ n < 2^(h+1) gives h ≤ log₂ n < h + 1, hence h = ⌊log₂ n⌋. Writing "so h = log n" without justifying the floor earns 2 of these 5 points.
- A correct proof by induction (on h or on n) earns full credit. A bound that is only asserted, or argued from a false claim (for example "level h has 2^h nodes"), earns 0 for that bound.
'''

CSS = '''
@page { size: A4; margin: 2.2cm 2.3cm; }
body { font-family: 'Liberation Serif', 'DejaVu Serif', serif; font-size: 11.5pt; line-height: 1.38; }
h1 { font-size: 18pt; text-align: center; margin-bottom: 4pt; }
h1 + p { text-align: center; margin-top: 0; }
h2 { font-size: 14pt; border-bottom: 1px solid #444; padding-bottom: 2pt; margin-top: 18pt; }
h3 { font-size: 12pt; margin-bottom: 4pt; }
p.line { font-family: 'Liberation Serif', serif; margin-left: 1.5em; white-space: pre; }
pre { font-family: 'Liberation Mono', 'DejaVu Sans Mono', monospace; font-size: 10pt; background: #f4f4f4;
      padding: 6pt 10pt; border: 1px solid #ddd; }
code { font-family: 'Liberation Mono', monospace; font-size: 10pt; }
table { border-collapse: collapse; margin: 6pt 0; }
td, th { border: 1px solid #777; padding: 3pt 6pt; vertical-align: top; font-size: 10.5pt; }
th { background: #eee; }
'''
