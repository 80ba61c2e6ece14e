/* Lab 5
   Tomas Novak
   22051042 */

public class Lab5 {

    // Q1
    public static long sumDigits(long n) {
        n = Math.abs(n);
        long s = 0;
        while (n > 0) {
            s += n % 10;
            n /= 10;
        }
        return s;
    }

    // Q2
    public boolean isPrime(int n) {
        if (n <= 1) return false;
        for (int i = 2; i <= n / i; i++) {
            if (n % i == 0) return false;
        }
        return true;
    }

    // Q3
    public static int[] reverse(int[] a) {
        int[] rev = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            rev[i] = a[a.length - 1 - i];
        }
        return rev;
    }

    // Q4
    public static int countVowels(String s) {
        int count = 0;
        for (char c : s.toLowerCase().toCharArray()) {
            if ("aeiou".indexOf(c) >= 0) count++;
        }
        return count;
    }

    // Q5
    public static void main(String[] args) {
        java.util.Scanner sc = new java.util.Scanner(System.in);
        int n = sc.nextInt();
        int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            int x = sc.nextInt();
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        System.out.println(max + " " + min);
    }

    // Q6
    public static String compress(String s) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int j = i;
            while (j < s.length() && s.charAt(j) == c) j++;
            sb.append(c).append(j - i);
            i = j;
        }
        return sb.toString();
    }

    /* Q7
       == compares references (memory addresses), equals() compares the string contents.
       String s1 = new String("abc"), s2 = new String("abc");
       s1 == s2 -> false, s1.equals(s2) -> true */
}
