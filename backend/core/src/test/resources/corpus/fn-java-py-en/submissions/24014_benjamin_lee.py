# Benjamin Lee 24014 - CS 101 HW5
# Java answers are commented out, Python answers run.

# Problem 1 (Java)
# static int countVowels(String s) {
#     int count = 0;
#     for (char c : s.toLowerCase().toCharArray()) {
#         if ("aeiouy".indexOf(c) != -1) {
#             count++;
#         }
#     }
#     return count;
# }

# Problem 2 (Java)
# static int[] reverse(int[] a) {
#     int[] b = new int[a.length];
#     for (int i = 0, j = a.length - 1; i < a.length; i++, j--) {
#         b[i] = a[j];
#     }
#     return b;
# }

# Problem 3 (Java)
# static boolean isPrime(long n) {
#     if (n < 2) return false;
#     for (long d = 2; d * d <= n; d++) {
#         if (n % d == 0) return false;
#     }
#     return true;
# }


# Problem 4
def median(xs):
    s = sorted(xs)
    n = len(s)
    if n % 2 == 1:
        return s[n // 2]
    lo, hi = s[n // 2 - 1], s[n // 2]
    return (lo + hi) / 2


# Problem 5
def rle(s):
    if len(s) == 0:
        return ""
    runs = [[s[0], 1]]
    for ch in s[1:]:
        if ch == runs[-1][0]:
            runs[-1][1] += 1
        else:
            runs.append([ch, 1])
    return "".join(c + str(k) for c, k in runs)


# Problem 6
def is_palindrome(s):
    letters = "".join(c.lower() for c in s if c.isalnum())
    for i in range(len(letters) // 2):
        if letters[i] != letters[-1 - i]:
            return False
    return True


# Problem 7
# A function that returns gives its result to the caller; the caller can save it, use it in an
# expression, or compare it with an expected value (that is how the asserts below work). A function
# that prints only shows text on the screen and its return value is None, so nothing can be done with
# the result. The teacher's tests compare return values, so return is required.

# Problem 8
# C  (f changes the list a itself, so it prints 3 3)


if __name__ == "__main__":
    assert median([1, 3, 2]) == 2
    assert rle("aab") == "a2b1"
    assert is_palindrome("Never odd or even")
    print("my tests passed")
