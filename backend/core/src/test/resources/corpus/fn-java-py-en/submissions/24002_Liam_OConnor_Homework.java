// Liam O'Connor, 24002
// CS 101 Homework 5 - everything is in this one class.

public class Homework {

    // Problem 1
    public static int countVowels(String s) {
        int n = 0;
        String v = "aeiouAEIOU";
        for (int i = 0; i < s.length(); i++) {
            if (v.indexOf(s.charAt(i)) != -1) n++;
        }
        return n;
    }

    // Problem 2
    public static int[] reverse(int[] a) {
        int[] r = new int[a.length()];
        int j = 0;
        for (int i = a.length - 1; i >= 0; i--) {
            r[j++] = a[i];
        }
        return r;
    }

    // Problem 3
    public static boolean isPrime(int n) {
        if (n <= 1) return false;
        if (n % 2 == 0) return n == 2;
        for (int i = 3; i <= Math.sqrt(n); i += 2) {
            if (n % i == 0) return false;
        }
        return true;
    }

    public static void main(String[] args) {
        // my own tests
        System.out.println(countVowels("Hello") + " (expect 2)");
        System.out.println(java.util.Arrays.toString(reverse(new int[]{1, 2, 3})) + " (expect [3, 2, 1])");
        System.out.println(isPrime(97) + " " + isPrime(1) + " (expect true false)");
    }
}

/* Problem 4 (Python)

def median(xs):
    ys = sorted(xs)
    k = len(ys) // 2
    if len(ys) % 2 == 0:
        return (ys[k - 1] + ys[k]) / 2
    return ys[k]

   Problem 5 (Python)

from itertools import groupby

def rle(s):
    return "".join(ch + str(len(list(run))) for ch, run in groupby(s))

   Problem 6 (Python)

def is_palindrome(s):
    t = "".join(ch.lower() for ch in s if ch.isalnum())
    return t == t[::-1]
*/

// Problem 7
// return gives the result back to whoever called the method, e.g. int v = countVowels("Hi"); and then v
// can be used later or tested. println just puts characters on the console and the caller gets nothing
// back (void in Java, None in Python). The grader calls our methods and checks the returned value, so a
// method that prints would fail every test.

// Problem 8
// Answer: C
