package ai.smartai.backend.grading.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each operation a homework program does not need is found with its line; ordinary programs are not flagged. */
class CodeScanTest {

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "python | reads the environment | key = os.environ['HOME']",
            "python | reads the environment | key = os.getenv('TOKEN')",
            "python | uses the network      | import socket",
            "python | uses the network      | data = urllib.request.urlopen('http://x.example')",
            "python | writes or deletes files | f = open('out.txt', 'w')",
            "python | writes or deletes files | os.remove('grades.csv')",
            "python | writes or deletes files | shutil.rmtree('/tmp/x')",
            "python | redirects standard input or output to a file | sys.stdin = open('input.txt')",
            "python | starts a process      | import subprocess",
            "python | starts a process      | os.system('ls')",
            "python | eval or reflection    | return eval(expr)",
            "python | eval or reflection    | m = __import__('os')",
            "python | eval or reflection    | nums = list(map(eval, input().split()))",
            "c      | reads the environment | char *h = getenv(\"HOME\");",
            "c      | uses the network      | int s = socket(AF_INET, SOCK_STREAM, 0);",
            "c      | writes or deletes files | FILE *f = fopen(\"out.txt\", \"w\");",
            "c      | writes or deletes files | remove(\"data.txt\");",
            "c      | redirects standard input or output to a file | freopen(\"input.txt\", \"r\", stdin);",
            "c      | starts a process      | system(\"rm -rf /tmp/x\");",
            "c      | eval or reflection    | void *h = dlopen(\"libm.so\", RTLD_NOW);",
            "java   | reads the environment | String h = System.getenv(\"HOME\");",
            "java   | uses the network      | Socket s = new Socket(\"example.com\", 80);",
            "java   | writes or deletes files | Files.delete(Path.of(\"a.txt\"));",
            "java   | writes or deletes files | new File(\"a.txt\").delete();",
            "java   | redirects standard input or output to a file | System.setIn(new FileInputStream(\"in.txt\"));",
            "java   | starts a process      | Runtime.getRuntime().exec(\"ls\");",
            "java   | eval or reflection    | Class.forName(\"x.Y\").getDeclaredMethod(\"m\").invoke(null);" })
    void findsEachOperationWithItsLine(String language, String kind, String line) {
        Code code = new Code(language, "first = 1\n" + line + "\nlast = 2\n");
        List<CodeScan.Finding> found = CodeScan.scan(code);
        assertThat(found).as(line).hasSize(1);
        assertThat(found.get(0).kind()).isEqualTo(kind);
        assertThat(found.get(0).line()).isEqualTo(2);
        assertThat(found.get(0).text()).isEqualTo(line);
    }

    @Test
    void anOrdinaryPythonSolutionIsNotFlagged() {
        String source = """
                import re
                from collections import Counter
                # os.system('ls') in a comment is not run
                def is_palindrome(s):
                    t = re.sub(r'[^a-z]', '', s.lower())
                    with open('words.txt') as f:
                        pass
                    return t == t[::-1] and Counter(t) is not None

                print(is_palindrome("Never odd or even"))
                """;
        assertThat(CodeScan.scan(new Code("python", source))).isEmpty();
    }

    @Test
    void ordinaryCAndJavaSolutionsAreNotFlagged() {
        String c = """
                #include <stdio.h>
                #include <algorithm>
                int main(void) {
                    int n; scanf("%d", &n);
                    std::remove(v.begin(), v.end(), 0);
                    printf("%d\\n", n * 2);
                    return 0;
                }
                """;
        String java = """
                import java.util.Scanner;
                public class Main {
                    public static void main(String[] args) {
                        StringBuilder b = new StringBuilder("abc");
                        b.delete(0, 1);
                        System.out.println(new Scanner(System.in).nextInt() * 2);
                        System.exit(0);
                    }
                }
                """;
        assertThat(CodeScan.scan(new Code("cpp", c))).isEmpty();
        assertThat(CodeScan.scan(new Code("java", java))).isEmpty();
    }

    @Test
    void proseAroundTheCodeIsRemovedButStringsAndCommentsStay() {
        Code code = new Code("python", "def f(x):\n    return '结果：' + str(x)  # 返回\n四、简答与证明\n");
        assertThat(code.withoutProse().source()).isEqualTo("def f(x):\n    return '结果：' + str(x)  # 返回\n");
        assertThat(code.removedBy(code.withoutProse())).contains("line 3").contains("四、简答与证明");
    }
}
