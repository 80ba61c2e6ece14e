// Lab 5 - Rebecca Adams - 22051001

public class Lab5 {

    // Q1
    public static int sumDigits(int n) {
        n = Math.abs(n);
        int sum = 0;
        while (n > 0) {
            sum += n % 10;
            n /= 10;
        }
        return sum;
    }

    // Q2
    public static boolean isPrime(int n) {
        if (n < 2) return false;
        for (int d = 2; d * d <= n; d++) {
            if (n % d == 0) return false;
        }
        return true;
    }

    // Q3
    public static int[] reverse(int[] a) {
        int[] result = new int[a.length];
        for (int i = 0; i < a.length; i++) {
            result[i] = a[a.length - 1 - i];
        }
        return result;
    }

    // Q4
    public static int countVowels(String s) {
        int count = 0;
        for (char c : s.toLowerCase().toCharArray()) {
            if ("aeiou".indexOf(c) >= 0) count++;
        }
        return count;
    }

    // Q5: the program is the main method of this class
    public static void main(String[] args) {
        java.util.Scanner in = new java.util.Scanner(System.in);
        int n = in.nextInt();
        int lo = in.nextInt();
        int hi = lo;
        for (int i = 1; i < n; i++) {
            int x = in.nextInt();
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        System.out.println(lo + " " + hi);
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
     * == checks whether two references point to the very same object in memory.
     * equals() compares the characters of the two strings.
     * Example:
     *   String a = "java";
     *   String b = new String("java");
     *   a == b        -> false (two different objects)
     *   a.equals(b)   -> true  (same characters)
     */
}
