/*
 * check_safefile.c
 *   Check tests of core/safefile.c, in a directory of their own under
 *   TMPDIR: a file is written 0600 even under umask 0 (issue 12 item 11:
 *   reconciliations with full ID numbers were 0644), a public one 0644
 *   under umask 077; a symlink is followed (issue 13 item 3: it became a
 *   regular file, its target untouched): the regular file it names is
 *   replaced and the link stays, a link to nothing is refused, and one
 *   put at the name after the open is not replaced at commit, one planted
 *   by another user in a sticky shared directory is not followed; a named
 *   pipe is written in place for its reader (it was replaced, the reader
 *   got nothing), /dev/null likewise, and /dev/full fails the commit
 *   with ENOSPC and stays a device (as root it was replaced); "-" is
 *   standard output; a directory is refused; a regular file is replaced
 *   whole; an abandoned file leaves nothing behind and the file that was
 *   there as it was; names come out absolute; the exports directory is
 *   made 0700 under XDG_DATA_HOME or HOME. Cost: a few milliseconds.
 */
#include "config.h"

#include <check.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/safefile.h"

static char dir[PATH_MAX];
static char err[512];

static void
setup(void)
{
    const char *t = getenv("TMPDIR");

    snprintf(dir, sizeof(dir), "%s/check_safefile.XXXXXX",
             t != NULL && t[0] == '/' ? t : "/tmp");
    ck_assert_ptr_nonnull(mkdtemp(dir));
    ck_assert_int_eq(chdir(dir), 0);
}

static void
teardown(void)
{
    char cmd[PATH_MAX + 16];

    ck_assert_int_eq(chdir("/"), 0);
    snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
    ck_assert_int_eq(system(cmd), 0);
}

/* Write text to name with mode; the result of commit. */
static int
write_file(const char *name, mode_t mode, const char *text, struct safefile *f)
{
    if (safefile_open(f, name, mode, err, sizeof(err)) != 0)
        return -1;
    fputs(text, f->fp);
    return safefile_commit(f, err, sizeof(err));
}

static int
entries(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;

    ck_assert_ptr_nonnull(d);
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

START_TEST(private_under_umask_0)
{
    struct safefile f;
    struct stat st;
    char want[PATH_MAX + 64];
    mode_t old = umask(0);

    ck_assert_int_eq(write_file("ids.csv", SAFEFILE_PRIVATE, "x\n", &f), 0);
    umask(old);
    snprintf(want, sizeof(want), "%s/ids.csv", dir);
    ck_assert_str_eq(f.path, want);
    ck_assert_int_eq(stat(want, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
    ck_assert_int_eq(entries(), 1); /* no temporary file left */
}
END_TEST

START_TEST(public_under_umask_077)
{
    struct safefile f;
    struct stat st;
    mode_t old = umask(077);

    ck_assert_int_eq(write_file("./sheet.txt", SAFEFILE_PUBLIC, "x\n", &f), 0);
    umask(old);
    ck_assert_int_eq(stat("sheet.txt", &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0644);
    ck_assert_ptr_null(strstr(f.path, "/./"));
}
END_TEST

/* The first line of file name ("" when it cannot be read). */
static const char *
first_line(const char *name)
{
    static char buf[64];
    FILE *fp = fopen(name, "r");

    buf[0] = '\0';
    if (fp != NULL) {
        if (fgets(buf, sizeof(buf), fp) == NULL)
            buf[0] = '\0';
        fclose(fp);
    }
    return buf;
}

static void
make_file(const char *name, const char *text)
{
    FILE *fp = fopen(name, "w");

    ck_assert_ptr_nonnull(fp);
    fputs(text, fp);
    ck_assert_int_eq(fclose(fp), 0);
}

START_TEST(follows_a_symlink)
{
    struct safefile f;
    struct stat st;
    char want[PATH_MAX + 64];

    make_file("target", "old\n");
    ck_assert_int_eq(symlink("target", "link.csv"), 0);
    ck_assert_int_eq(write_file("link.csv", SAFEFILE_PRIVATE, "new\n", &f), 0);
    ck_assert_str_eq(first_line("target"), "new\n");
    ck_assert_int_eq(lstat("link.csv", &st), 0);
    ck_assert_msg(S_ISLNK(st.st_mode), "the link stays a link");
    snprintf(want, sizeof(want), "%s/link.csv", dir);
    ck_assert_str_eq(f.path, want);
    ck_assert_int_eq(stat("target", &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0600);
    ck_assert_int_eq(entries(), 2); /* no temporary file left */
}
END_TEST

START_TEST(refuses_a_link_to_nothing_and_a_late_link)
{
    struct safefile f;
    struct stat st;

    make_file("target", "old\n");
    ck_assert_int_eq(symlink("nothing", "dangling.csv"), 0);
    ck_assert_int_eq(
        safefile_open(&f, "dangling.csv", SAFEFILE_PRIVATE, err, sizeof(err)),
        -1);
    ck_assert_ptr_nonnull(strstr(err, "dangling.csv"));
    ck_assert_int_eq(stat("nothing", &st), -1);
    /* a symlink made after the open is not replaced at commit */
    ck_assert_int_eq(
        safefile_open(&f, "late.csv", SAFEFILE_PRIVATE, err, sizeof(err)), 0);
    fputs("secret\n", f.fp);
    ck_assert_int_eq(symlink("target", "late.csv"), 0);
    ck_assert_int_eq(safefile_commit(&f, err, sizeof(err)), -1);
    ck_assert_str_eq(first_line("target"), "old\n");
    ck_assert_int_eq(entries(), 3); /* target and the two links */
}
END_TEST

/* A link planted in a shared sticky directory (/tmp) by another user is
 * not followed: root writing /tmp/x.csv must not replace what it names.
 * Needs root (lchown); skipped otherwise. */
START_TEST(refuses_a_planted_link)
{
    struct safefile f;

    if (geteuid() != 0)
        return;
    make_file("target", "old\n");
    ck_assert_int_eq(mkdir("shared", 01777), 0);
    ck_assert_int_eq(chmod("shared", 01777), 0);
    ck_assert_int_eq(symlink("../target", "shared/x.csv"), 0);
    ck_assert_int_eq(lchown("shared/x.csv", 65534, 65534), 0);
    ck_assert_int_eq(
        safefile_open(&f, "shared/x.csv", SAFEFILE_PRIVATE, err, sizeof(err)),
        -1);
    ck_assert_ptr_nonnull(strstr(err, "shared/x.csv"));
    ck_assert_str_eq(first_line("target"), "old\n");
    /* the same link of our own is followed */
    ck_assert_int_eq(lchown("shared/x.csv", 0, 0), 0);
    ck_assert_int_eq(write_file("shared/x.csv", SAFEFILE_PRIVATE, "new\n", &f),
                     0);
    ck_assert_str_eq(first_line("target"), "new\n");
}
END_TEST

START_TEST(a_pipe_is_written_in_place)
{
    struct safefile f;
    struct stat st;
    int status;
    pid_t reader;

    ck_assert_int_eq(mkfifo("fifo", 0600), 0);
    ck_assert_int_eq(symlink("fifo", "to-fifo.csv"), 0);
    reader = fork();
    ck_assert_int_ge(reader, 0);
    if (reader == 0) {
        /* the reader: the pipe's bytes into got.txt */
        execlp("sh", "sh", "-c", "cat fifo >got.txt", (char *)NULL);
        _exit(127);
    }
    ck_assert_int_eq(write_file("to-fifo.csv", SAFEFILE_PRIVATE, "rows\n", &f),
                     0);
    ck_assert_int_eq(f.how, SAFEFILE_IN_PLACE);
    ck_assert_int_eq(waitpid(reader, &status, 0), reader);
    ck_assert_int_eq(status, 0);
    ck_assert_str_eq(first_line("got.txt"), "rows\n");
    ck_assert_int_eq(lstat("fifo", &st), 0);
    ck_assert_msg(S_ISFIFO(st.st_mode), "the pipe stays a pipe");
    ck_assert_int_eq(entries(), 3); /* fifo, the link, got.txt */
}
END_TEST

START_TEST(devices_are_written_in_place)
{
    struct safefile f;
    struct stat st;

    ck_assert_int_eq(write_file("/dev/null", SAFEFILE_PRIVATE, "x\n", &f), 0);
    ck_assert_int_eq(f.how, SAFEFILE_IN_PLACE);
    /* /dev/full: ENOSPC at the flush, told; the device stays */
    ck_assert_int_eq(symlink("/dev/full", "full.csv"), 0);
    err[0] = '\0';
    ck_assert_int_eq(write_file("full.csv", SAFEFILE_PRIVATE, "x\n", &f), -1);
    ck_assert_msg(strstr(err, strerror(ENOSPC)) != NULL, "%s", err);
    ck_assert_int_eq(stat("/dev/full", &st), 0);
    ck_assert(S_ISCHR(st.st_mode));
    ck_assert_int_eq(lstat("full.csv", &st), 0);
    ck_assert(S_ISLNK(st.st_mode));
    ck_assert_int_eq(entries(), 1);
}
END_TEST

START_TEST(dash_is_standard_output)
{
    struct safefile f;

    ck_assert_int_eq(safefile_open(&f, "-", SAFEFILE_PRIVATE, err, sizeof(err)),
                     0);
    ck_assert_ptr_eq(f.fp, stdout);
    ck_assert_int_eq(f.how, SAFEFILE_STDOUT);
    ck_assert_int_eq(safefile_commit(&f, err, sizeof(err)), 0);
    ck_assert_int_eq(
        safefile_open(&f, NULL, SAFEFILE_PRIVATE, err, sizeof(err)), 0);
    safefile_abort(&f);
    /* stdout is still open */
    ck_assert_int_ge(fcntl(STDOUT_FILENO, F_GETFD), 0);
    ck_assert_int_eq(entries(), 0);
}
END_TEST

START_TEST(a_failure_keeps_the_file_there)
{
    struct safefile f;

    make_file("kept.csv", "before\n");
    ck_assert_int_eq(
        safefile_open(&f, "kept.csv", SAFEFILE_PRIVATE, err, sizeof(err)), 0);
    fputs("half", f.fp);
    safefile_abort(&f);
    ck_assert_str_eq(first_line("kept.csv"), "before\n");
    ck_assert_int_eq(entries(), 1);
}
END_TEST

START_TEST(refuses_a_directory)
{
    struct safefile f;

    ck_assert_int_eq(mkdir("d", 0700), 0);
    ck_assert_int_eq(safefile_open(&f, "d", SAFEFILE_PRIVATE, err, sizeof(err)),
                     -1);
}
END_TEST

START_TEST(replaces_a_regular_file_and_aborts_cleanly)
{
    struct safefile f;
    char buf[16] = "";
    FILE *fp;

    ck_assert_int_eq(write_file("a.csv", SAFEFILE_PUBLIC, "one\n", &f), 0);
    ck_assert_int_eq(write_file("a.csv", SAFEFILE_PRIVATE, "two\n", &f), 0);
    fp = fopen("a.csv", "r");
    ck_assert_ptr_nonnull(fgets(buf, sizeof(buf), fp));
    fclose(fp);
    ck_assert_str_eq(buf, "two\n");
    ck_assert_int_eq(
        safefile_open(&f, "b.csv", SAFEFILE_PRIVATE, err, sizeof(err)), 0);
    safefile_abort(&f);
    safefile_abort(&f);
    ck_assert_int_eq(entries(), 1);
}
END_TEST

START_TEST(paths_and_the_exports_directory)
{
    char out[PATH_MAX], want[PATH_MAX + 64];
    struct stat st;

    ck_assert_int_eq(
        safefile_path("/x/y.csv", "/z", out, sizeof(out), err, sizeof(err)), 0);
    ck_assert_str_eq(out, "/x/y.csv");
    ck_assert_int_eq(
        safefile_path("y.csv", "/z/", out, sizeof(out), err, sizeof(err)), 0);
    ck_assert_str_eq(out, "/z/y.csv");
    setenv("XDG_DATA_HOME", dir, 1);
    ck_assert_int_eq(safefile_exports_dir(out, sizeof(out), err, sizeof(err)),
                     0);
    snprintf(want, sizeof(want), "%s/eduaid/exports", dir);
    ck_assert_str_eq(out, want);
    ck_assert_int_eq(stat(out, &st), 0);
    ck_assert_int_eq(st.st_mode & 07777, 0700);
    unsetenv("XDG_DATA_HOME");
    /* not dir: its eduaid/ (just made) would be ~/eduaid, the files folder */
    snprintf(want, sizeof(want), "%s/home", dir);
    ck_assert_int_eq(mkdir(want, 0700), 0);
    setenv("HOME", want, 1);
    ck_assert_int_eq(safefile_exports_dir(out, sizeof(out), err, sizeof(err)),
                     0);
    snprintf(want, sizeof(want), "%s/home/.local/share/eduaid/exports", dir);
    ck_assert_str_eq(out, want);
}
END_TEST

/* paths.files_dir, else ~/eduaid when it exists (an SSH login's folder,
 * made by eduaid-admin user add), takes the exports and the imports;
 * without either, exports go to the XDG folder and imports are read from
 * the working directory (issue 14: SSH deployment). */
START_TEST(the_files_folder)
{
    char out[PATH_MAX], want[PATH_MAX + 64];

    unsetenv("XDG_DATA_HOME");
    setenv("HOME", dir, 1);
    ck_assert_int_eq(safefile_import_dir(out, sizeof(out), err, sizeof(err)),
                     0);
    ck_assert_str_eq(out, "");
    snprintf(want, sizeof(want), "%s/eduaid", dir);
    ck_assert_int_eq(mkdir(want, 0700), 0);
    ck_assert_int_eq(safefile_exports_dir(out, sizeof(out), err, sizeof(err)),
                     0);
    ck_assert_str_eq(out, want);
    ck_assert_int_eq(safefile_import_dir(out, sizeof(out), err, sizeof(err)),
                     0);
    ck_assert_str_eq(out, want);
    safefile_set_files_dir("/srv/files");
    ck_assert_int_eq(safefile_exports_path(out, sizeof(out), err, sizeof(err)),
                     0);
    ck_assert_str_eq(out, "/srv/files");
    ck_assert_int_eq(safefile_import_dir(out, sizeof(out), err, sizeof(err)),
                     0);
    ck_assert_str_eq(out, "/srv/files");
    safefile_set_files_dir("");
    ck_assert_int_eq(rmdir(want), 0);
    ck_assert_int_eq(safefile_exports_path(out, sizeof(out), err, sizeof(err)),
                     0);
    snprintf(want, sizeof(want), "%s/.local/share/eduaid/exports", dir);
    ck_assert_str_eq(out, want);
}
END_TEST

static Suite *
safefile_suite(void)
{
    Suite *s = suite_create("safefile");
    TCase *tc = tcase_create("core");

    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_add_test(tc, private_under_umask_0);
    tcase_add_test(tc, public_under_umask_077);
    tcase_add_test(tc, follows_a_symlink);
    tcase_add_test(tc, refuses_a_link_to_nothing_and_a_late_link);
    tcase_add_test(tc, refuses_a_planted_link);
    tcase_add_test(tc, a_pipe_is_written_in_place);
    tcase_add_test(tc, devices_are_written_in_place);
    tcase_add_test(tc, dash_is_standard_output);
    tcase_add_test(tc, a_failure_keeps_the_file_there);
    tcase_add_test(tc, refuses_a_directory);
    tcase_add_test(tc, replaces_a_regular_file_and_aborts_cleanly);
    tcase_add_test(tc, paths_and_the_exports_directory);
    tcase_add_test(tc, the_files_folder);
    suite_add_tcase(s, tc);
    return s;
}

int
main(void)
{
    SRunner *sr = srunner_create(safefile_suite());
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
