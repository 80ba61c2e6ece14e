/**
 * CS 101 Homework 5
 * @author Ethan Brown (24006)
 */
public class Hw5 {

    /** Exercise 1 */
    static int countVowels(String s) {
        int i = 0, count = 0;
        while (i < s.length()) {
            char c = Character.toLowerCase(s.charAt(i));
            if (c == ' ') continue;   // skip spaces
            if ("aeiou".indexOf(c) >= 0) count++;
            i++;
        }
        return count;
    }

    /** Exercise 2 */
    static int[] reverse(int[] a) {
        int[] rev = new int[a.length];
        for (int i = a.length - 1, k = 0; i >= 0; i--, k++) {
            rev[k] = a[i];
        }
        return rev;
    }

    /** Exercise 3 */
    static boolean isPrime(int n) {
        if (n < 2) return false;
        int divisors = 0;
        for (int i = 1; i <= n; i++) {
            if (n % i == 0) divisors++;
        }
        return divisors == 2;
    }
}

/* Exercise 4 (Python)
def median(xs):
    s = sorted(xs)
    m = len(s) // 2
    return s[m] if len(s) % 2 == 1 else (s[m - 1] + s[m]) / 2
*/

/* Exercise 5 (Python)
def rle(s):
    res = ""
    for i, c in enumerate(s):
        if i == 0 or c != s[i - 1]:
            n = 1
            while i + n < len(s) and s[i + n] == c:
                n += 1
            res += c + str(n)
    return res
*/

/* Exercise 6 (Python)
def is_palindrome(s):
    s = "".join(c for c in s.lower() if c.isalnum())
    return s == "".join(reversed(s))
*/

/* Exercise 7
 * If you return a value the caller receives it and can keep working with it: save it, add it to something,
 * or compare it in a test. If you print it, it is only shown on the console and the function returns
 * None (or is void in Java), so the caller gets nothing back. Tests can only check return values,
 * so we have to return.
 */

/* Exercise 8: B */
