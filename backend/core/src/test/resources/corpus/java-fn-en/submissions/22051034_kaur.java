// Simran Kaur, 22051034
// Lab 5 (only got Q1 working)

public class Lab5 {

    // Q1
    public static int sumDigits(int n) {
        n = Math.abs(n);
        int acc = 0;
        while (n > 0) {
            acc += n % 10;
            n /= 10;
        }
        return acc;
    }

    // Q2
    public static boolean isPrime(int n) {
        // TODO
        return false;
    }

    // Q3
    public static int[] reverse(int[] a) {
        // TODO
        return a;
    }

    // Q4
    public static int countVowels(String s) {
        return 0; // TODO
    }

    // Q5 not done

    // Q6
    public static String compress(String s) {
        return ""; // TODO
    }

    // Q7: == compares the references of the two strings.
}
