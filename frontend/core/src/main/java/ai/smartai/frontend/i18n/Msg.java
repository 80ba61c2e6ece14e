package ai.smartai.frontend.i18n;

import ai.smartai.model.grade.GradeMethod;
import ai.smartai.model.job.JobKind;
import ai.smartai.model.job.JobStatus;
import ai.smartai.model.problem.ProblemType;
import ai.smartai.model.student.IdentifiedBy;
import ai.smartai.model.task.TaskStatus;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The UI's words in English; {@code messages/msg_zh.properties} has the Chinese. Templates use {@code msg:key}. */
@MessageBundle(locale = "en")
public interface Msg {

    @Message("Tasks")
    String navTasks();

    @Message("Settings")
    String navSettings();

    @Message("Log out")
    String logOut();

    @Message("Log in")
    String logIn();

    @Message("Error")
    String error();

    @Message("Not found")
    String notFound();

    @Message("Something went wrong")
    String somethingWrong();

    @Message("Back to your tasks")
    String backToTasks();

    @Message("Username")
    String username();

    @Message("Password")
    String password();

    @Message("(at least 10 characters)")
    String passwordRule();

    @Message("Repeat password")
    String repeatPassword();

    @Message("Display name")
    String displayName();

    @Message("e.g. Prof. Li")
    String displayNameExample();

    @Message("e.g. TA Wang")
    String taExample();

    @Message("Welcome to SmarTAI")
    String welcome();

    @Message("No account exists yet. Create the first one: it becomes the administrator, who can add teachers and teaching assistants later.")
    String setupLead();

    @Message("Create administrator account")
    String createAdmin();

    @Message("Your grading tasks")
    String yourTasks();

    @Message("New task")
    String newTask();

    @Message("One task is one homework of one class: its problem set, answer key and the students' answers.")
    String newTaskHint();

    @Message("e.g. Discrete Mathematics · Homework 2")
    String newTaskExample();

    @Message("Task name")
    String taskName();

    @Message("Create task")
    String createTask();

    @Message("No tasks yet. Create one above, then upload its problem set and the students' answers.")
    String noTasks();

    @Message("Task")
    String task();

    @Message("Status")
    String status();

    @Message("Problems")
    String problems();

    @Message("Students")
    String students();

    @Message("Mean score")
    String meanScore();

    @Message("To review")
    String toReview();

    @Message("Updated")
    String updated();

    @Message("Created")
    String created();

    @Message("{#when status}{#is DRAFT}Draft{#is READY}Ready to grade{#is GRADING}Grading{#is GRADED}Graded{/when}")
    String taskStatus(TaskStatus status);

    @Message("{#when status}{#is QUEUED}queued{#is RUNNING}running{#is PAUSED}paused{#is SUCCEEDED}done{#is FAILED}failed{#is CANCELLED}cancelled{/when}")
    String jobStatus(JobStatus status);

    @Message("Upload report: {file}")
    String uploadReport(String file);

    @Message("This upload failed:")
    String uploadFailed();

    /** The progress bar's estimate; its script puts the seconds in place of "?". */
    @Message("about ? s left")
    String secondsLeft();

    @Message("Read {done} of {total}, with these notes:")
    String uploadReadWithNotes(int done, int total);

    @Message("Source")
    String source();

    @Message("Workbench")
    String workbench();

    @Message("{n} {#if n == 1}group{#else}groups{/if}")
    String groupCount(int n);

    @Message("Keys: j / k next and previous group · 1–9 apply that rubric item to the group · a accept the score shown · o type a score · Escape leaves a field.")
    String workbenchKeys();

    @Message("Fix the problem or its key (answers it affects are regraded)")
    String editKey();

    @Message("{n} {#if n == 1}answer{#else}answers{/if}")
    String answersCount(int n);

    @Message("Regrade the {n} stale {#if n == 1}answer{#else}answers{/if}")
    String regradeStale(long n);

    @Message("suggested")
    String suggested();

    @Message("Only these students (split)")
    String splitStudents();

    @Message("ids, e.g. 2023001 2023004; empty: the whole group")
    String splitHint();

    @Message("Apply to the group")
    String applyToGroup();

    @Message("No answers to this problem yet.")
    String noAnswersYet();

    @Message("What you sent is larger than the server accepts")
    String tooLargeTitle();

    @Message("Nothing was saved. Go back: your browser still holds what you typed. Shorten the longest field (a field takes up to 200,000 characters) and send it again.")
    String tooLargeHint();

    @Message("Back")
    String back();

    @Message("Dismiss")
    String dismiss();

    @Message("{n} {#if n == 1}answer awaits{#else}answers await{/if} your grade")
    String awaitingGrade(int n);

    @Message("{n} {#if n == 1}answer has{#else}answers have{/if} no score yet: {#if n == 1}its cell is{#else}their cells are{/if} empty in the CSV.")
    String csvBlanks(int n);

    @Message("{#when kind}{#is PROBLEMS}Reading the problem set{#is ANSWER_KEY}Reading the answer key{#is SUBMISSIONS}Reading the students' answers{#is GRADING}Grading{/when}")
    String jobKind(JobKind kind);

    @Message("{#when type}{#is CHOICE}choice{#is CALCULATION}calculation{#is PROGRAMMING}programming{#is CONCEPT}concept{#is PROOF}proof{#is REASONING}reasoning{#else}other{/when}")
    String problemType(ProblemType type);

    @Message("Language of the comments to students")
    String commentLanguage();

    @Message("One language for every comment on a student's page. Saving regrades the task so that the comments "
            + "already written follow it; your overrides stay.")
    String commentLanguageHint();

    @Message("Each problem's own language")
    String commentLanguagePerProblem();

    @Message("Save and regrade")
    String commentLanguageSave();

    @Message("{#when method}{#is CHOICE}choice{#is CAS}cas{#is SANDBOX}sandbox{#is SIMILARITY}similarity{#is STEPS}steps{#is LLM_PANEL}llm-panel{#is MANUAL}manual{#else}none{/when}")
    String gradeMethod(GradeMethod method);

    @Message("{#when by}{#is FILENAME}filename{#is CONTENT}content{#else}manual{/when}")
    String identifiedBy(IdentifiedBy by);

    /** An evidence kind as the API names it ({@code choice-key}); the Chinese page names it in words. */
    @Message("{kind}")
    String evidenceKind(String kind);

    /** A rubric item's aspect as the API names it ({@code result}, {@code method}). */
    @Message("{aspect}")
    String aspect(String aspect);

    /** A student's or an answer's flag code ({@code identity-conflict}). */
    @Message("{code}")
    String flag(String code);

    @Message("Pause")
    String pause();

    @Message("Resume")
    String resume();

    @Message("Cancel")
    String cancel();

    @Message("Set up and grade")
    String setUpAndGrade();

    @Message("Problem set")
    String problemSet();

    @Message(".txt, .md, .pdf or .docx, up to 50 MB.")
    String problemSetHint();

    @Message("{count} problems found.")
    String problemsFound(int count);

    @Message("Check and edit")
    String checkAndEdit();

    @Message("Answer key")
    String answerKey();

    @Message("(optional)")
    String optional();

    @Message("Reference answers, rubrics (评分标准 / Rubric) and test cases. Same formats.")
    String answerKeyHint();

    @Message("{keyed} of {total} problems have a reference answer.")
    String keyedCount(long keyed, int total);

    @Message("Students' answers")
    String studentsAnswers();

    @Message("One archive (.zip .rar .7z .tar .tar.gz) with a file per student, or one file. Up to 50 MB.")
    String submissionsHint();

    @Message("{count} students.")
    String studentCount(int count);

    @Message("Grade")
    String grade();

    @Message("regrade everything")
    String regradeAll();

    @Message("Upload")
    String upload();

    @Message("Results")
    String results();

    @Message("Review queue")
    String reviewQueue();

    @Message("Analytics")
    String analytics();

    @Message("Download CSV")
    String downloadCsv();

    @Message("Excel (XLSX)")
    String downloadXlsx();

    @Message("Class report (PDF)")
    String classReport();

    @Message("Student reports (ZIP)")
    String studentReports();

    @Message("Report (PDF)")
    String studentReport();

    @Message("Ask about the class")
    String askClass();

    @Message("e.g. Which problem did most students get wrong, and how?")
    String askPlaceholder();

    @Message("Computed from the grades; every number in the answer is in the table.")
    String askComputed();

    @Message("Student id or name")
    String searchStudents();

    @Message("Show")
    String show();

    @Message("All students")
    String filterAll();

    @Message("Failing (< 60 %)")
    String filterFailing();

    @Message("Needs review")
    String filterReview();

    @Message("Top 10 %")
    String filterTop();

    @Message("Sort by")
    String sortBy();

    @Message("Sort by id")
    String sortId();

    @Message("Sort by name")
    String sortName();

    @Message("Highest total first")
    String sortHighest();

    @Message("Lowest total first")
    String sortLowest();

    @Message("Most to review first")
    String sortReview();

    @Message("Apply")
    String apply();

    @Message("{shown} of {all} students")
    String shownOf(int shown, int all);

    @Message("Student")
    String student();

    @Message("Problem deep dive")
    String deepDive();

    @Message("Total")
    String total();

    @Message("Review")
    String review();

    @Message("No student matches.")
    String noMatch();

    @Message("Show all")
    String showAll();

    @Message("Check what the parser found; edit a problem's type, points, stem, key, rubric or tests. Grades of an edited problem become stale until regraded.")
    String problemsHint();

    @Message("Type")
    String type();

    @Message("Points")
    String points();

    @Message("{points} points")
    String pointsCount(String points);

    @Message("Problem")
    String problem();

    @Message("Edit")
    String edit();

    @Message("Correct options")
    String correctChoices();

    @Message("Stem")
    String stem();

    @Message("Reference answer")
    String referenceAnswer();

    @Message("Rubric")
    String rubric();

    @Message("one line each: points | aspect | description")
    String rubricFormat();

    @Message("Test cases")
    String testCases();

    @Message("one line each: input => expected (\\n for a line break)")
    String testCasesFormat();

    @Message("Save problem")
    String saveProblem();

    @Message("Student id")
    String studentId();

    @Message("Name")
    String name();

    @Message("File")
    String file();

    @Message("Found by")
    String foundBy();

    @Message("Flags")
    String flags();

    @Message("unanswered")
    String unanswered();

    @Message("Rename")
    String rename();

    @Message("Save")
    String save();

    @Message("From {file} · found by {how}")
    String fromFile(String file, String how);

    @Message("Fix id or name")
    String fixIdentity();

    @Message("teacher · machine {machine}")
    String teacherMachine(String machine);

    @Message("by {who}, {when}")
    String overriddenBy(String who, String when);

    @Message("confidence")
    String confidence();

    @Message("stale: regrade")
    String stale();

    @Message("Answer")
    String answer();

    @Message("No answer.")
    String noAnswer();

    @Message("Edit answer")
    String editAnswer();

    @Message("For fixing a segmentation or OCR mistake. The grade of this answer becomes stale until regraded.")
    String editAnswerHint();

    @Message("Save answer")
    String saveAnswer();

    @Message("Evidence")
    String evidence();

    @Message("Expert panel")
    String experts();

    @Message("Provider")
    String provider();

    @Message("Model")
    String model();

    @Message("Score")
    String score();

    @Message("Comment")
    String comment();

    @Message("Comment to the student")
    String commentToStudent();

    @Message("Save override")
    String saveOverride();

    @Message("{count} grade(s), least confident first")
    String reviewCount(int count);

    @Message("Nothing waits for review.")
    String nothingToReview();

    @Message("Keys: j / k next and previous · a accept the machine score · o type your own score, Enter saves · Enter on a row opens the answer.")
    String reviewKeys();

    @Message("Why")
    String why();

    @Message("Decision")
    String decision();

    @Message("Accept")
    String accept();

    @Message("Accept the machine score (a)")
    String acceptTitle();

    @Message("Mean")
    String mean();

    @Message("Median")
    String median();

    @Message("Standard deviation")
    String stdDev();

    @Message("Pass rate (≥ {threshold})")
    String passRateAt(String threshold);

    @Message("Pass rate")
    String passRate();

    @Message("Answers without a score yet")
    String unscored();

    @Message("Histogram of total scores")
    String histogramAlt();

    @Message("Total scores in ten bands.")
    String histogramCaption();

    @Message("Mean and pass rate per problem")
    String problemsAlt();

    @Message("Mean score (as a share of the maximum) and pass rate per problem.")
    String problemsCaption();

    @Message("Max")
    String max();

    @Message("Lowest")
    String lowest();

    @Message("Highest")
    String highest();

    @Message("Box plot of scores per problem; the table above gives each problem's lowest, mean and highest score.")
    String boxesAlt();

    @Message("Spread of scores per problem.")
    String boxesCaption();

    @Message("Grade bands")
    String bandsAlt();

    @Message("Grade bands (A ≥ 90 %, B ≥ 80 %, C ≥ 70 %, D ≥ 60 %, F below).")
    String bandsCaption();

    @Message("Students per score")
    String distributionAlt();

    @Message("How many students got each score.")
    String distributionCaption();

    @Message("Common wrong final answers")
    String commonWrong();

    @Message("No wrong final answers to group: this is for choice and calculation problems, once graded.")
    String noCommonWrong();

    @Message("Final answer")
    String finalAnswer();

    @Message("Who")
    String who();

    @Message("Answers by score")
    String answersByScore();

    @Message("Your account")
    String yourAccount();

    @Message("Role")
    String role();

    @Message("Users")
    String users();

    @Message("Last login")
    String lastLogin();

    @Message("disabled")
    String disabled();

    @Message("active")
    String active();

    @Message("Add a teacher or teaching assistant")
    String addAccount();

    @Message("Add account")
    String addAccountButton();

    @Message("Account {username} created. Give them the password by a safe channel; they see only their own tasks.")
    String accountCreated(String username);

    @Message("LLM providers")
    String llmProviders();

    @Message("Grading runs fully offline with the built-in tools. Models you add here (your own keys, never shown again or shared) form an expert panel beside them on your tasks.")
    String llmProvidersHint();

    @Message("Choose a file to upload.")
    String chooseFile();

    @Message("{field}: '{value}' is not a number.")
    String notANumber(String field, String value);

    @Message("{id} saved. Its grades are stale until you grade again.")
    String problemSaved(String id);

    @Message("Rubric line '{line}': write points | aspect | description.")
    String badRubricLine(String line);

    @Message("Test case line '{line}': write input => expected.")
    String badTestLine(String line);

    @Message("API key")
    String apiKey();

    @Message("Max concurrent")
    String concurrency();

    @Message("Requests / min")
    String rpm();

    @Message("Test connection")
    String testConnection();

    @Message("Enable")
    String enable();

    @Message("Disable")
    String disable();

    @Message("Delete")
    String delete();

    @Message("Add a provider")
    String addProvider();

    @Message("Add provider")
    String addProviderButton();

    @Message("Base URL")
    String baseUrl();

    @Message("(OpenAI-compatible servers; empty for the provider's own)")
    String baseUrlHint();

    @Message("Connection works: the provider answered in {ms} ms.")
    String providerOk(long ms);

    @Message("LLM tokens spent on this task: {tokens}")
    String llmTokens(long tokens);

    @Message("AI expert panel")
    String panel();

    @Message("Judge")
    String judge();

    @Message("Samples per expert")
    String samples();

    @Message("Every enabled provider grades beside the tools; the judge merges their votes. Change providers in Settings.")
    String panelHint();

    @Message("Common mistakes in words (AI)")
    String aiSummary();

    @Message("Summarise with my AI provider")
    String aiSummarize();

    @Message("Counts and quotes above are computed by SmarTAI; the model only puts them into words.")
    String aiSummaryHint();

    @Message("Written by {provider} from the counts above; check it before sharing.")
    String aiSummaryBy(String provider);

    @Message("Change password")
    String changePassword();

    @Message("Current password")
    String currentPassword();

    @Message("New password")
    String newPassword();

    @Message("Your other sessions end; this one stays.")
    String changePasswordHint();

    @Message("The two new passwords differ.")
    String passwordsDiffer();

    @Message("Password changed. Your other sessions have ended.")
    String passwordChanged();

    @Message("Account {username} updated; its sessions have ended where that applies.")
    String userUpdated(String username);

    @Message("Reset password")
    String resetPassword();

    @Message("Teachers on this task")
    String teachers();

    @Message("Co-teachers and TAs you invite see and grade this task once they accept; only you manage who shares it.")
    String teachersHint();

    @Message("invited")
    String invited();

    @Message("Withdraw")
    String withdraw();

    @Message("Invitations")
    String invitations();

    @Message("{invitedBy} invites you to work on «{taskName}».")
    String invitationText(String invitedBy, String taskName);

    @Message("Accept")
    String acceptInvitation();

    @Message("Decline")
    String declineInvitation();

    @Message("owner")
    String owner();

    @Message("member")
    String member();

    @Message("Remove")
    String remove();

    @Message("Invite")
    String share();

    @Message("Create an account")
    String createAccount();

    @Message("Teachers and TAs may create their own account on this server. You will see only your own tasks and those shared with you.")
    String registerLead();

    @Message("Self-registration")
    String selfRegistration();

    @Message("Backup")
    String backup();

    @Message("A copy of the database with the master key and the uploads, made while SmarTAI keeps running. Copy the file off this machine.")
    String backupLead();

    @Message("Back up now")
    String backUpNow();

    @Message("Backup written on the server: {file} ({size}).")
    String backupWritten(String file, String size);

    @Message("Backup written on the server: {file} ({size}). It does not hold the master key, which comes from SMARTAI_MASTER_KEY: keep that secret with it.")
    String backupWrittenWithoutKey(String file, String size);

    @Message("Anyone who reaches this server can create a teacher account.")
    String registrationIsOpen();

    @Message("Only administrators create accounts.")
    String registrationIsClosed();

    @Message("Open registration")
    String openRegistration();

    @Message("Close registration")
    String closeRegistration();

    @Message("Roster and release links")
    String rosterAndRelease();

    @Message("Class roster")
    String roster();

    @Message("Upload the class list as CSV or XLSX: Moodle's participants export, Canvas's gradebook export, or columns student_id, name, email, lms_id. Ids match exactly and names loosely; nothing is renamed. A new roster replaces the old one.")
    String rosterHint();

    @Message("No roster uploaded yet.")
    String noRoster();

    @Message("{entries} on the roster: {matched} matched to a submission, {missing} missing, {unmatched} submission(s) matching no one.")
    String rosterCounts(int entries, int matched, int missing, int unmatched);

    @Message("On the roster, no submission")
    String missingStudents();

    @Message("Submissions that match no one on the roster")
    String unmatchedFiles();

    @Message("Email")
    String email();

    @Message("LMS id")
    String lmsId();

    @Message("Release links")
    String releaseLinks();

    @Message("A link shows one student their own report, with no login, until it expires or you revoke it. Its address is shown only once; every view is logged.")
    String releaseHint();

    @Message("For")
    String releaseFor();

    @Message("all students")
    String allStudents();

    @Message("Valid for (days)")
    String validDays();

    @Message("Create links")
    String createLinks();

    @Message("Enter a number of days from 1 to {max}.")
    String releaseDaysRule(int max);

    @Message("New links: copy them now, they are not shown again.")
    String newLinks();

    @Message("Expires")
    String expires();

    @Message("Views")
    String views();

    @Message("active")
    String linkActive();

    @Message("revoked")
    String linkRevoked();

    @Message("expired")
    String linkExpired();

    @Message("Revoke")
    String revoke();

    @Message("Access log")
    String accessLog();

    @Message("Views of {student}'s report")
    String accessLogOf(String student);

    @Message("Not opened yet.")
    String notOpened();

    @Message("Time")
    String time();

    @Message("Address")
    String address();

    @Message("No links yet.")
    String noLinks();

    @Message("admin")
    String roleAdmin();

    @Message("teacher")
    String roleTeacher();

    @Message("teaching assistant")
    String roleTa();

    @Message("Change role")
    String changeRole();

    @Message("A teaching assistant grades and reviews the tasks teachers share with them; they create, delete and share no task and manage no AI provider.")
    String taHint();
}
