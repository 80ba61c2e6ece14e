"""The teacher's grade sheet for ds-en-pdf: score, excerpt and one-line rationale per file and problem.

Writes expected.csv, grades.csv and rationale.csv into the set folder.
"""
import csv
import os

from gen import SET, STUDENTS

EXPECTED = [('q1', '1', 'choice', 8), ('q2', '2', 'choice', 8), ('q3', '3', 'calculation', 12),
            ('q4', '4', 'calculation', 12), ('q5', '5', 'programming', 15), ('q6', '6', 'programming', 15),
            ('q7', '7', 'concept', 15), ('q8', '8', 'proof|reasoning', 15)]

# file -> list of (score, excerpt, rationale) for q1..q8
G = {}

G['Carter_Emily_HW5.pdf'] = [
    (8, '(B) O(log n)', 'B, with the one-path sift-up argument'),
    (8, 'A and B.', 'exactly A and B'),
    (12, 'final array [3, 5, 8, 9, 10', 'height 6 with 64 <= 100 < 128 (4); array correct with each swap shown (6); 3 swaps (2)'),
    (12, 'Total collisions = 1 + 2 + 1 + 1', 'all seven keys in the right slots incl. 10 wrapping to slot 0 (8); 5 collisions (4)'),
    (15, 'if left < n and a[i] > a[left]:', 'checks both children with bounds; 5/5 tests'),
    (15, 'out.extend(a[i:])', 'two-pointer merge with both leftovers; 5/5 tests, linear time'),
    (15, 'gets a tombstone marker that searches skip', 'storage 4, load factor 5 (1+alpha vs clustering, resize 0.5-0.7), deletion with reason 5, cache locality 1'),
    (15, 'Since h is an integer', 'lower bound 5, upper bound 5, strict < and integer argument for the floor 5'),
]
G['hw5_daniel_kim.pdf'] = [
    (8, 'sift-up follows one path from a leaf', 'B'),
    (4, 'A (insertion sort is stable)', 'selected only A (calls merge sort unstable): one correct letter, no wrong letter, 4'),
    (12, 'a) h = floor(log2 100) = 6', 'height 6 (4); correct array (6); 3 swaps (2)'),
    (8, '4 collisions in total', 'table correct (8); counted 4 collisions, missing the one of key 10 at slot 10, not consistent with his own table (0)'),
    (9, 'for i in range(len(a) // 2 - 1):', 'loop stops one parent early: [2, 1] and [1, 3, 2, 7, 2] return True; 3/5 tests'),
    (15, 'if j == len(b) or (i < len(a)', 'single loop with exhaustion checks; 5/5 tests, linear'),
    (13.5, 'mark the slot as deleted instead', 'storage 4, load factor 5, deletion: chaining 2 + tombstone without the reason 1.5, pointer memory overhead 1'),
    (15, 'h is the largest integer not exceeding log2 n', 'both bounds from full levels plus 1..2^h nodes on level h, floor argued from strict <'),
]
G['Sofia_Martinez_2023011203_HW5.pdf'] = [
    (8, '(B) O(log n)', 'B'),
    (8, '(A), (B)', 'exactly A and B'),
    (10, 'round up → height 7', 'height rounded up to 7 from log2 100 = 6.64 (2 of 4); array correct (6); 3 swaps (2)'),
    (12, '10 → 1; total 5', 'table correct incl. slot 0 = 10 (8); 5 collisions (4)'),
    (15, 'return all(a[(k - 1) // 2] <= a[k]', 'compares every node with its parent, equivalent to the property; 5/5 tests'),
    (15, 'result += a[i:] + b[j:]', 'two-pointer merge, leftovers of both lists; 5/5 tests, linear'),
    (15, '"deleted" tombstone, since emptying', 'storage 4, load factor 5, deletion with reason 5, cache performance 1'),
    (12, 'and therefore h = log', 'both bounds correct (10); conclusion h = log2 n without the floor argument (2 of 5)'),
]
G['LiamOBrien_HW5.pdf'] = [
    (0, 'C — O(n), because in the worst case', 'C is wrong; the sift-up is bounded by the height'),
    (0, 'A, B, D', 'D (quicksort) is not stable: a wrong letter gives 0'),
    (12, 'so height = 6', 'height 6 (4); array correct (6); 3 swaps (2)'),
    (12, 'slot 0 = 10, slot 4 = 15', 'table correct (8); 5 collisions (4)'),
    (12, 'while 2 * i + 2 < n:', 'checks a parent only when both children exist, misses the lone left child of [2, 1]; 4/5 tests'),
    (6, 'while i < len(a):', 'copies only the rest of a after the loop: tests 1, 2, 4 lose the keys left in b; 2/5 tests'),
    (8.5, 'Deleting in chaining is easy', 'storage 4; load factor only for chaining 2.5; deletion only for chaining 2; nothing on open-addressing load or deletion'),
    (7, 'so level h alone has 2^h nodes', 'lower bound from the false claim that level h has 2^h nodes (0); upper bound 5; floor only asserted (2)'),
]
NOAH = [
    (8, '(B) O(log n)', 'B'),
    (8, '(A) and (B)', 'exactly A and B'),
    (12, 'Three swaps were needed', 'height 6 (4); array correct with each comparison (6); 3 swaps (2)'),
    (12, '(for 10) = 5 collisions', 'table correct (8); 5 collisions listed per key (4)'),
    (15, 'kids = a[2*parent + 1 : 2*parent + 3]', 'loops over all parents and compares the child slice; 5/5 tests'),
    (0, 'return sorted(a + b)', 'calls sorted(), forbidden by the problem set: 0, not run, reported'),
    (14, 'special DELETED marker (tombstone)', 'storage 4, load factor 5 (Theta(1+alpha), 1/(1-alpha)^2, resize at 0.5), deletion with reason 5; no further point'),
    (15, 'because h is an integer this means', 'both bounds and the floor argument complete'),
]
G['hw5_2023011205.pdf'] = NOAH
G['hw5_2023011205 (1).pdf'] = NOAH
G['PriyaRaman-DS-HW5.pdf'] = [
    (8, 'Answer: (B) O(log n)', 'B'),
    (8, '(A) insertion sort and (B) merge sort', 'exactly A and B'),
    (12, 'so the height is 6', 'height 6 (4); array correct (6); 3 swaps (2)'),
    (10, 'h(31) = 8', 'slip 31 mod 11 = 8 puts 31 in slot 8 (-2); 10 in slot 10 follows from her table (carried forward); 3 collisions match her table (4)'),
    (15, 'while 2 * i + 1 < len(a):', 'loops over parents, right child bounds-checked; 5/5 tests'),
    (15, 'while q < len(b):', 'two-pointer merge with both leftover loops; 5/5 tests'),
    (12.5, 'put a tombstone in the slot', 'storage 4, load factor 5, deletion: chaining 2 + tombstone without the reason 1.5; no further point'),
    (15, 'Taking log base 2 gives', 'both bounds and the floor argument complete'),
]
G['Marcus_Johnson_hw5.md'] = [
    (8, 'B (O(log n))', 'B'),
    (8, 'A and B', 'exactly A and B'),
    (9, '[5, 3, 8, 9, 10, 11, 15, 20, 12]', 'height 6 (4); sift-up stopped before the last swap with the root 5 (3 of 6); 2 swaps match his array (2)'),
    (12, '38: 1, 49: 2, 31: 1, 10: 1 → 5', 'table correct (8); 5 collisions (4)'),
    (15, 'for child in range(1, len(a)):', 'compares every child with its parent; 5/5 tests'),
    (0, 'while i < len(a) and j < len(b)', 'missing colon after the while condition: SyntaxError, all tests fail'),
    (14, 'you have to use lazy deletion', 'storage 4, load factor 5, deletion with reason 5; no further point'),
    (10, 'The smallest heap of height h', 'upper bound 5, lower bound 5; no conclusion h = floor(log2 n) (0)'),
]
G['HW5_HannahLee.docx'] = [
    (8, 'B. O(log n)', 'B'),
    (4, 'B (merge sort)', 'only B: one correct letter, no wrong letter, 4'),
    (10, 'the height of the heap is 6.64', 'height left as 6.64 (2 of 4); array correct (6); 3 swaps (2)'),
    (12, 'Slot 10: 31', 'table correct (8); 5 collisions (4)'),
    (12, 'not a[i] < a[c]', 'strict comparison rejects equal keys: [2, 2, 2] returns False; 4/5 tests'),
    (15, 'out = out + a[i:] + b[j:]', 'two-pointer merge with both leftovers; 5/5 tests'),
    (5, 'Chaining is better when the load factor is high.', 'storage 4; load factor only a vague remark on chaining (1); nothing on deletion'),
    (0, 'I am not sure how to prove this one.', 'no proof'),
]
G['hw5_2023011209.pdf'] = [
    (8, '(B) — O(log n)', 'B'),
    (8, '(A) (B)', 'exactly A and B'),
    (12, '63 keys fill levels 0 to 5', 'height 6 by counting levels (4); array correct (6); 3 swaps (2)'),
    (12, '[10, _, _, _, 15, 27, 38, 49', 'table correct (8); 5 collisions (4)'),
    (15, 'return ok(2 * i + 1) and ok(2 * i + 2)', 'recursive check of both children; 5/5 tests'),
    (15, 'for _ in range(len(a) + len(b)):', 'one step per output element with exhaustion checks; 5/5 tests, linear'),
    (14, 'an empty slot ends a search', 'storage 4, load factor 5, deletion with reason 5; no further point'),
    (15, 'Proof by induction on h.', 'framed as induction; both bounds from the full levels above h and the floor from strict <: complete'),
]
G['OBrown_hw5.pdf'] = [
    (8, '(B) O(log n)', 'B'),
    (8, '(A) and (B)', 'exactly A and B'),
    (12, 'The heap has height 6', 'height 6 (4); array correct (6); 3 swaps (2)'),
    (12, '5 collisions (one each for 38, 31 and 10', 'table correct (8); 5 collisions (4)'),
    (0, 'heapq.heapify(b)', 'imports heapq, forbidden by the problem set: 0, not run, reported'),
    (15, 'return out + a[i:] + b[j:]', 'two-pointer merge with both leftovers; 5/5 tests'),
    (15, 'a tombstone is needed', 'storage 4, load factor 5, deletion with reason 5, memory/cache point 1'),
    (12, 'and taking logarithms h = log', 'both bounds correct (10); conclusion h = log2 n without the floor (2 of 5)'),
]
G['JWilson_2023011211_hw5.pdf'] = [
    (8, 'O(log n)', 'names the content of option B'),
    (8, 'insertion sort and merge sort', 'names exactly options A and B'),
    (12, '3 swaps (with 12, 9 and 5)', 'height 6 (4); array correct (6); 3 swaps (2)'),
    (8, 'Collisions = 9 - 3 = 6.', 'table correct (8); 6 collisions from a muddled probe count, not consistent with his table (0)'),
    (15, 'for i in range(n // 2):', 'loops over all parents, right child bounds-checked; 5/5 tests'),
    (12, 'out.append(a.pop(0))', '5/5 tests, but pop(0) in the loop makes it quadratic: -3 under the O(len(a)+len(b)) rule'),
    (11.5, 'Open addressing can also keep inserting', 'storage 4; load factor: chaining 2.5, false claim that open addressing works past alpha 1 (0, -1); deletion with reason 5; primary clustering 1'),
    (15, 'which means h = floor(log2 n)', 'both bounds and the floor argument complete'),
]
G['homework5.pdf'] = [
    (8, 'B, O(log n)', 'B'),
    (0, 'A, B, C', 'C (heapsort) is not stable: a wrong letter gives 0'),
    (12, '2^7 = 128 → h = 6', 'height 6 (4); array correct (6); 3 swaps (2)'),
    (12, 'slot 0: 10; slot 4: 15', 'table correct (8); 5 collisions (4)'),
    (15, 'if a[i] < a[(i - 1) // 2]:', 'compares every node with its parent; 5/5 tests'),
    (15, '(j >= len(b) or a[i] <= b[j])', 'single loop with exhaustion checks; 5/5 tests, linear'),
    (14, 'an empty slot would cut the probe sequence', 'storage 4, load factor 5, deletion with reason 5; no further point'),
    (15, 'because h is an integer', 'both bounds and the floor argument complete'),
]
G['ethan_davis_hw5.pdf'] = [
    (0, 'O(1) since it just goes at the end', 'A is wrong: appending is O(1) but the sift-up is not'),
    (0, 'skip', 'skipped'),
    (2, '100/16 is about 6 so height 6', 'right height from a meaningless division (half of 4 = 2); (b) "not sure" 0; (c) blank 0'),
    (12, '0:10 4:15 5:27 6:38', 'table correct (8); 5 collisions (4)'),
    (0, 'for name in os.listdir(".")', 'imports os and reads the grader\'s test files: 0, not run, reported to the instructor'),
    (13, 'def merge(a, b):', 'correct merge, 5/5 tests, but named merge instead of merge_sorted: -2'),
    (0, 'N/A', 'N/A'),
    (0, 'see lecture notes', 'a reference to the notes is not an answer'),
]


def main():
    assert set(G) == {s['file'] for s in STUDENTS}, set(G) ^ {s['file'] for s in STUDENTS}
    with open(os.path.join(SET, 'expected.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['problem', 'number', 'type', 'points'])
        w.writerows(EXPECTED)
    fmt = lambda x: ('%g' % x)
    with open(os.path.join(SET, 'grades.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['file', 'id', 'name'] + [e[0] for e in EXPECTED])
        for s in STUDENTS:
            w.writerow([s['file'], s['id'], s['name']] + [fmt(g[0]) for g in G[s['file']]])
    with open(os.path.join(SET, 'rationale.csv'), 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f, lineterminator='\n')
        w.writerow(['file', 'problem', 'excerpt', 'rationale'])
        for s in STUDENTS:
            for e, g in zip(EXPECTED, G[s['file']]):
                w.writerow([s['file'], e[0], g[1], g[2]])


if __name__ == '__main__':
    main()
