/* Runs one command and writes its exit code, peak RSS (wait4's ru_maxrss, KiB) and wall
 * seconds to a file: `sbs_spawn OUT CMD ARGS...`. side_by_side.py starts every measured
 * process through it because a process forked from the harness's Python interpreter
 * starts with Python's memory high-water mark, which exec keeps; forked from this small
 * program, a tool's peak RSS is its own. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: sbs_spawn OUT CMD [ARGS...]\n");
        return 125;
    }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) return 125;
    if (pid == 0) {
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status = 0;
    struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) return 125;
    clock_gettime(CLOCK_MONOTONIC, &end);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    double wall = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    FILE* out = fopen(argv[1], "w");
    if (!out) return 125;
    fprintf(out, "%d %ld %.9f\n", code, usage.ru_maxrss, wall);
    return fclose(out) == 0 ? 0 : 125;
}
