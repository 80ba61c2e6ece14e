/*
 * Chen Wei  22051009
 * CS 1520 Lab 5
 */

public class LabFive {

    // Q1
    public static int sumOfDigits(int n) {
        int s = 0;
        n = Math.abs(n);
        while (n != 0) {
            s = s + n % 10;
            n = n / 10;
        }
        return s;
    }

    // Q2
    public static boolean isPrime(int n) {
        if (n < 2) return false;
        for (int k = 2; k * k <= n; k++) {
            if (n % k == 0) return false;
        }
        return true;
    }

    // Q3
    public static int[] reverse(int[] a) {
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    // Q4
    public static int countVowel(String s) {
        int c = 0;
        String v = "aeiouAEIOU";
        for (int i = 0; i < s.length(); i++)
            if (v.indexOf(s.charAt(i)) != -1) c++;
        return c;
    }

    // Q5
    public static void main(String[] args) {
        java.util.Scanner sc = new java.util.Scanner(System.in);
        System.out.print("Enter n: ");
        int n = sc.nextInt();
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int x = sc.nextInt();
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        System.out.println(min + " " + max);
    }

    // Q6
    public static String compress(String s) {
        StringBuilder res = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i;
            while (j < s.length() && s.charAt(j) == c) j++;
            res.append(c).append(j - i);
            i = j;
        }
        return res.toString();
    }

    // Q7: == compares values for primitive types and references for objects, so for two String
    // objects it checks if they are the same object. equals() compares the content of the strings.
}
