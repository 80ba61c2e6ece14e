// Mia Johnson - 24011 - CS101 Homework 5

public class Main {

    // Problem 1
    public static int countVowels(String s) {
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            if ("aeiou".indexOf(Character.toLowerCase(s.charAt(i))) != -1) {
                count++;
            }
        }
        return count;
    }

    // Problem 2
    public static int[] reverse(int[] a) {
        for (int i = 0; i < a.length / 2; i++) {
            int tmp = a[i];
            a[i] = a[a.length - 1 - i];
            a[a.length - 1 - i] = tmp;
        }
        return a;
    }

    // Problem 3
    public static boolean isPrime(int n) {
        if (n == 2) return true;
        if (n < 2 || n % 2 == 0) return false;
        for (int i = 3; i * i <= n; i += 2) {
            if (n % i == 0) return false;
        }
        return true;
    }
}

// Problem 4
/*
def median(xs):
    srt = sorted(xs)
    mid = len(srt) // 2
    if len(srt) % 2 == 1:
        return srt[mid]
    return (srt[mid] + srt[mid - 1]) / 2
*/

// Problem 5
/*
def rle(s):
    if s == "":
        return ""
    result = ""
    last = s[0]
    n = 0
    for c in s:
        if c != last:
            result += last + str(n)
            last = c
            n = 0
        n += 1
    result += last + str(n)
    return result
*/

// Problem 7
// Returning a value gives it to the caller, which can store it and use it, or compare it like the tests do.
// Printing only outputs text; the function's value is None / void, so the caller cannot use it and the
// tests cannot check it. That is why we return instead of printing.

// Problem 8
// C (prints 3 3)
