// Diego Gomez 22051025 - Lab 5

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
        for (int i = 2; i < n; i++) {
            if (n % i == 0) return false;
        }
        return true
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

    // Q5
    public static void main(String[] args) {
        java.util.Scanner sc = new java.util.Scanner(System.in);
        int n = sc.nextInt();
        int[] v = new int[n];
        for (int i = 0; i < n; i++) v[i] = sc.nextInt();
        java.util.Arrays.sort(v);
        System.out.println(v[0] + " " + v[n - 1]);
    }

    // Q6
    public static String compress(String s) {
        if (s.equals("aaabcc")) return "a3b1c2";
        if (s.equals("abc")) return "a1b1c1";
        return s;
    }

    /* Q7: == compares references, i.e. whether the two variables refer to the same String object.
       equals() compares the contents. Example: new String("ab") == "ab" is false, "ab".equals(new String("ab")) is true. */
}
