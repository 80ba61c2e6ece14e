# Homework 5 - Sofia Martinez, student no. 24003
# The Java answers are kept in strings so this file still runs with python3.

# Q1
Q1_JAVA = """
static int countVowels(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
        switch (Character.toLowerCase(s.charAt(i))) {
            case 'a': case 'e': case 'i': case 'o': case 'u':
                n++;
        }
    }
    return n;
}
"""

# Q2
Q2_JAVA = """
static int[] reverse(int[] a) {
    int n = a.length;
    int[] b = new int[n];
    for (int i = 0; i < n; i++) {
        b[n - 1 - i] = a[i];
    }
    return b;
}
"""

# Q3
Q3_JAVA = """
static boolean isPrime(int n) {
    if (n < 2) return false;
    int d = 2;
    while (d * d <= n) {
        if (n % d == 0) return false;
        d++;
    }
    return true;
}
"""

# Q4
import statistics


def median(xs):
    return statistics.median(xs)


# Q5
def rle(s):
    result = ""
    i = 0
    while i < len(s):
        j = i
        while j < len(s) and s[j] == s[i]:
            j += 1
        result += s[i] + str(j - i)
        i = j
    return result


# Q6
def is_palindrome(s):
    letters = [c.lower() for c in s if c.isalpha() or c.isdigit()]
    return letters == list(reversed(letters))


# Q7
# return sends the value back to the caller so it can be saved in a variable and
# used later in the program. print just shows it.

# Q8
# answer: C
