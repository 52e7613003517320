package io.strata.orchestration.local;

import io.strata.orchestration.cronjob.ActiveRun;
import io.strata.orchestration.cronjob.CronJobController;
import io.strata.orchestration.cronjob.Decision;
import io.strata.orchestration.cronjob.RetryPolicy;
import io.strata.orchestration.cronjob.ScheduleState;
import io.strata.pipeline.run.RunStore;
import io.strata.pipeline.run.Trigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The local scheduler: runs pipelines as child JVMs when their CronJobs are due, deciding for each
 * CronJob exactly as the Kubernetes CronJob controller would ({@link CronJobController}) from a
 * state kept in the platform database, and retrying, timing out and replacing runs as the Job
 * controller would ({@link RetryPolicy}). Every decision is printed and recorded.
 *
 * <p>Single-threaded: one thread calls {@link #run()}, {@link #runOnce()} or {@link #tick()};
 * {@link #stop()} may come from any thread (a shutdown hook). Time comes from the clock and passes
 * only in the {@link Sleeper}, so tests drive it.
 */
public final class Scheduler {

    /**
     * @param killGrace how long a run being killed (Replace, activeDeadlineSeconds) gets after
     *     SIGTERM before SIGKILL, as a pod's terminationGracePeriodSeconds
     * @param stopGrace how long running runs get to finish when the scheduler stops
     * @param maxSleep the longest wait between looks: the list of CronJobs is read again at least this often
     */
    public record Options(Duration killGrace, Duration stopGrace, Duration maxSleep) {
        public Options {
            Objects.requireNonNull(killGrace, "killGrace");
            Objects.requireNonNull(stopGrace, "stopGrace");
            Objects.requireNonNull(maxSleep, "maxSleep");
        }

        public static Options defaults() {
            return new Options(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(10));
        }
    }

    /** The name decisions about the scheduler itself are recorded under. */
    public static final String SELF = "*";

    private final Supplier<List<ScheduledCronJob>> cronJobs;
    private final PipelineLauncher launcher;
    private final SchedulerStore store;
    private final RunStore runs;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Options options;
    private final Consumer<String> out;
    private final Wakeup wakeup = new Wakeup();
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** The unfinished runs of each CronJob, by name; the scheduler thread's only. */
    private final Map<String, List<Job>> jobs = new LinkedHashMap<>();
    /** The latest spec of each CronJob seen, so that runs of one removed from the list still end properly. */
    private final Map<String, ScheduledCronJob> seen = new HashMap<>();
    /** The last skip recorded per CronJob: a skip repeated on every look is recorded once. */
    private final Map<String, String> lastSkip = new HashMap<>();
    private final Set<String> adopted = new HashSet<>();
    private volatile boolean stopping;

    public Scheduler(Supplier<List<ScheduledCronJob>> cronJobs, PipelineLauncher launcher, SchedulerStore store,
            Clock clock, Sleeper sleeper, Options options, Consumer<String> out) {
        this.cronJobs = Objects.requireNonNull(cronJobs, "cronJobs");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.store = Objects.requireNonNull(store, "store");
        this.runs = launcher.runStore();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.options = Objects.requireNonNull(options, "options");
        this.out = Objects.requireNonNull(out, "out");
    }

    /** Looks at every CronJob until {@link #stop()}; then lets the runs finish (up to the grace), kills the rest. */
    public void run() {
        try {
            while (!stopping) {
                sleepUntil(safeTick(true));
            }
        } finally {
            shutdown();
        }
    }

    /**
     * Decides once for every CronJob and runs what is due now, then waits for those runs to end
     * (retries included) without deciding again.
     */
    public void runOnce() {
        try {
            Instant wake = safeTick(true);
            while (!stopping && jobs.values().stream().anyMatch(list -> !list.isEmpty())) {
                sleepUntil(wake);
                wake = safeTick(false);
            }
        } finally {
            if (stopping) {
                shutdown();
            }
            stopped.countDown();
        }
    }

    /** One look at every CronJob: ended runs, retries, deadlines, then the controller's decision. Returns when to look again. */
    public Instant tick() {
        return tick(true);
    }

    /** Asks the loop to stop; returns at once. Safe from any thread. */
    public void stop() {
        stopping = true;
        wakeup.signal();
    }

    /** Waits until a stopped loop has let its runs finish or killed them; true when it has. */
    public boolean awaitStopped(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The runs not yet finished, of every CronJob: for tests and the stop. */
    public List<StartedRun> running() {
        return jobs.values().stream().flatMap(List::stream).filter(Job::running)
                .flatMap(job -> job.current().stream()).toList();
    }

    private Instant safeTick(boolean decide) {
        try {
            return tick(decide);
        } catch (RuntimeException e) {
            // The database or the list of CronJobs is unavailable for a moment: say so and look again later.
            out.accept(clock.instant() + " scheduler: " + e.getMessage() + "; looking again in " + options.maxSleep()
                    .toSeconds() + " s");
            return clock.instant().plus(options.maxSleep());
        }
    }

    private Instant tick(boolean decide) {
        Instant now = clock.instant();
        Instant wake = now.plus(options.maxSleep());
        Map<String, ScheduledCronJob> current = new LinkedHashMap<>();
        for (ScheduledCronJob cronJob : cronJobs.get()) {
            current.put(cronJob.name(), cronJob);
        }
        seen.putAll(current);
        Set<String> listed = Set.copyOf(current.keySet());
        for (String name : jobs.keySet()) {
            current.putIfAbsent(name, seen.get(name)); // removed from the list: its runs still end properly
        }
        Map<String, StoredSchedule> states = current.isEmpty() ? Map.of() : store.loadAll();
        for (ScheduledCronJob cronJob : current.values()) {
            wake = earliest(wake, look(cronJob, Optional.ofNullable(states.get(cronJob.name())), now,
                    decide && listed.contains(cronJob.name()) && !stopping));
        }
        return wake;
    }

    private Instant look(ScheduledCronJob cronJob, Optional<StoredSchedule> loaded, Instant now, boolean decide) {
        String name = cronJob.name();
        List<Job> active = jobs.computeIfAbsent(name, n -> new ArrayList<>());
        StoredSchedule stored = loaded
                .orElseGet(() -> new StoredSchedule(name, cronJob.createdAt().orElse(now).truncatedTo(ChronoUnit.SECONDS),
                        Optional.empty(), List.of()));
        if (adopted.add(name)) {
            adopt(cronJob, stored, active, now);
        }
        reconcile(cronJob, active, now);
        Optional<Instant> last = stored.lastScheduleTime();
        Instant wake = Instant.MAX;
        if (decide) {
            ScheduleState state = new ScheduleState(stored.creationTime(), last,
                    active.stream().map(job -> new ActiveRun(job.id, job.scheduledTime)).toList());
            Decision decision = CronJobController.decide(cronJob.schedule(), state, now, clock.getZone());
            if (decision instanceof Decision.Run run) {
                lastSkip.remove(name);
                for (ActiveRun replaced : run.stopFirst()) {
                    active.stream().filter(job -> job.id.equals(replaced.id())).findFirst().ifPresent(job -> {
                        stop(job, now, "killed: replaced by the run for " + run.scheduledTime()
                                + " (concurrencyPolicy Replace)");
                        active.remove(job);
                    });
                }
                Job job = Job.create(cronJob, run.scheduledTime(), now);
                active.add(job);
                last = Optional.of(run.scheduledTime());
                start(cronJob, job, now, Trigger.SCHEDULE, run.tooManyMissed()
                        ? "; more than 100 schedule times were missed, only this one runs" : "");
            } else if (decision instanceof Decision.Skip skip) {
                String key = skip.reason() + " " + skip.scheduledTime();
                if (!key.equals(lastSkip.put(name, key))) {
                    record(now, cronJob, SchedulerDecision.Kind.SKIP, skip.scheduledTime(), null,
                            skip.reason().name().toLowerCase(Locale.ROOT) + ": " + skip.message());
                }
            }
            wake = decision.wakeAt().orElse(Instant.MAX);
        }
        for (Job job : active) {
            if (job.retryAt != null) {
                wake = earliest(wake, job.retryAt);
            }
            Optional<Instant> deadline = cronJob.retry().deadline(job.startedAt);
            if (deadline.isPresent()) {
                wake = earliest(wake, deadline.get());
            }
        }
        StoredSchedule after = new StoredSchedule(name, stored.creationTime(), last, active.stream().map(Job::stored).toList());
        if (loaded.isEmpty() || !after.equals(stored)) {
            store.save(after, now);
        }
        return wake;
    }

    /**
     * Runs a previous scheduler process left active: still running, they are watched to their end
     * (and not retried: their attempts were counted by that process); gone, their record says how
     * they ended.
     */
    private void adopt(ScheduledCronJob cronJob, StoredSchedule stored, List<Job> active, Instant now) {
        for (StoredSchedule.Active entry : stored.active()) {
            Optional<ProcessHandle> process = ProcessHandle.of(entry.pid()).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false));
            if (process.isPresent()) {
                Job job = Job.adopt(cronJob, entry, process.get(), now);
                process.get().onExit().thenRun(wakeup::signal);
                active.add(job);
                out.accept(now + " " + cronJob.name() + ": watching run " + entry.runId() + " (pid " + entry.pid()
                        + "), started by a previous scheduler");
            } else {
                Job gone = Job.adopt(cronJob, entry, null, now);
                ended(cronJob, gone, now, gone.exitCode(runs), active, " (it ended while no scheduler watched it)");
            }
        }
    }

    /** Ended attempts, due retries and exceeded deadlines of one CronJob's runs. */
    private void reconcile(ScheduledCronJob cronJob, List<Job> active, Instant now) {
        RetryPolicy retry = cronJob.retry();
        for (Job job : List.copyOf(active)) {
            boolean hasProcess = job.process().isPresent();
            if (hasProcess && job.retryAt == null && !job.running()) {
                ended(cronJob, job, now, job.exitCode(runs), active, "");
            } else if (job.running() && retry.deadlineExceeded(job.startedAt, now)) {
                kill(job);
                active.remove(job);
                record(now, cronJob, SchedulerDecision.Kind.DEADLINE, Optional.of(job.scheduledTime), job.runId(),
                        "killed: activeDeadlineSeconds (" + retry.activeDeadlineSeconds().orElseThrow()
                                + " s) exceeded (DeadlineExceeded)" + logOf(job));
            } else if (job.retryAt != null && retry.deadlineExceeded(job.startedAt, now)) {
                active.remove(job);
                record(now, cronJob, SchedulerDecision.Kind.DEADLINE, Optional.of(job.scheduledTime), job.runId(),
                        "not retried: activeDeadlineSeconds (" + retry.activeDeadlineSeconds().orElseThrow()
                                + " s) exceeded (DeadlineExceeded)");
            } else if (job.retryAt != null && !now.isBefore(job.retryAt) && !stopping) {
                start(cronJob, job, now, Trigger.RETRY, "");
            }
        }
    }

    private void ended(ScheduledCronJob cronJob, Job job, Instant now, int exit, List<Job> active, String note) {
        int attempt = job.failures + 1;
        if (exit == 0) {
            active.remove(job);
            record(now, cronJob, SchedulerDecision.Kind.SUCCEEDED, Optional.of(job.scheduledTime), job.runId(),
                    "attempt " + attempt + " exited 0" + note + logOf(job));
        } else if (job.adopted() || stopping) {
            active.remove(job);
            record(now, cronJob, SchedulerDecision.Kind.FAIL, Optional.of(job.scheduledTime), job.runId(),
                    "attempt " + attempt + " exited " + exit + note + "; not retried: "
                            + (stopping ? "the scheduler is stopping" : "a previous scheduler counted its attempts")
                            + logOf(job));
        } else {
            failed(cronJob, job, now, "exited " + exit + note + logOf(job), active);
        }
    }

    /** An attempt failed: retry after the backoff, or fail for good, as the Job controller would. */
    private void failed(ScheduledCronJob cronJob, Job job, Instant now, String what, List<Job> active) {
        job.failures++;
        RetryPolicy.AfterFailure after = cronJob.retry().afterFailure(job.failures, job.startedAt, now);
        String attempt = "attempt " + job.failures + " " + what;
        if (after instanceof RetryPolicy.AfterFailure.RetryAt retryAt) {
            job.retryAt = retryAt.at();
            record(now, cronJob, SchedulerDecision.Kind.RETRY, Optional.of(job.scheduledTime), job.runId(),
                    attempt + "; attempt " + retryAt.attempt() + " at " + retryAt.at() + " (backoff "
                            + RetryPolicy.backoff(job.failures).toSeconds() + " s)");
            return;
        }
        RetryPolicy.AfterFailure.Fail fail = (RetryPolicy.AfterFailure.Fail) after;
        active.remove(job);
        if (fail.reason() == RetryPolicy.FailureReason.BACKOFF_LIMIT_EXCEEDED) {
            record(now, cronJob, SchedulerDecision.Kind.FAIL, Optional.of(job.scheduledTime), job.runId(),
                    attempt + "; backoffLimit " + cronJob.retry().backoffLimit() + " reached (BackoffLimitExceeded)");
        } else {
            record(now, cronJob, SchedulerDecision.Kind.DEADLINE, Optional.of(job.scheduledTime), job.runId(),
                    attempt + "; no retry can start before activeDeadlineSeconds (DeadlineExceeded)");
        }
    }

    /** Starts an attempt of {@code job}; one that cannot start (its build failed) is a failed attempt. */
    private void start(ScheduledCronJob cronJob, Job job, Instant now, Trigger trigger, String note) {
        String attempt = "attempt " + (job.failures + 1) + " (" + trigger.value() + ")";
        try {
            JvmCommand command = launcher.prepare(cronJob.pipeline(), cronJob.engine(), line -> out.accept(now + " " + cronJob.name()
                    + ": " + line));
            StartedRun run = launcher.start(cronJob.pipeline(), command, trigger, null);
            run.child().onExit().thenRun(wakeup::signal);
            job.attempt(run);
            record(now, cronJob, SchedulerDecision.Kind.RUN, Optional.of(job.scheduledTime), run.runId(),
                    attempt + note + "; pid " + run.child().pid() + ", log " + run.child().log());
        } catch (RuntimeException e) {
            job.notStarted();
            job.retryAt = null;
            failed(cronJob, job, now, "could not start: " + firstLine(e.getMessage()), jobs.get(cronJob.name()));
        }
    }

    /** Kills a run for Replace or a stop, and records it. */
    private void stop(Job job, Instant now, String why) {
        kill(job);
        ScheduledCronJob cronJob = seen.get(job.cronJob);
        record(now, cronJob, SchedulerDecision.Kind.STOP, Optional.of(job.scheduledTime), job.runId(), why + logOf(job));
    }

    private void kill(Job job) {
        job.process().filter(ProcessHandle::isAlive).ifPresent(p -> ChildRun.killTree(p, options.killGrace()));
        job.current().ifPresent(run -> run.child().exitCode()); // lets its output reach the log
    }

    /** After the loop: runs get the stop grace to finish, then are killed; every CronJob is left with none active. */
    private void shutdown() {
        Instant now = clock.instant();
        List<Job> all = jobs.values().stream().flatMap(List::stream).toList();
        record(now, null, SchedulerDecision.Kind.STOP, Optional.empty(), null, "stopping: " + all.stream()
                .filter(Job::running).count() + " run(s) running get up to " + options.stopGrace().toSeconds()
                + " s to finish, then are killed");
        awaitEnd(all, options.stopGrace());
        for (Map.Entry<String, List<Job>> entry : jobs.entrySet()) {
            ScheduledCronJob cronJob = seen.get(entry.getKey());
            List<Job> active = entry.getValue();
            Instant at = clock.instant();
            for (Job job : List.copyOf(active)) {
                if (job.running()) {
                    active.remove(job);
                    stop(job, at, "killed: the scheduler stopped");
                } else if (job.retryAt != null) {
                    active.remove(job);
                    record(at, cronJob, SchedulerDecision.Kind.STOP, Optional.of(job.scheduledTime), job.runId(),
                            "not retried: the scheduler stopped");
                } else {
                    ended(cronJob, job, at, job.exitCode(runs), active, "");
                }
            }
            try {
                store.load(entry.getKey()).ifPresent(s -> store.save(new StoredSchedule(s.cronJob(), s.creationTime(),
                        s.lastScheduleTime(), List.of()), at));
            } catch (RuntimeException e) {
                out.accept(at + " scheduler: cannot save the state of " + entry.getKey() + ": " + e.getMessage());
            }
        }
        record(clock.instant(), null, SchedulerDecision.Kind.STOP, Optional.empty(), null, "stopped");
        stopped.countDown();
    }

    private static void awaitEnd(List<Job> all, Duration grace) {
        CompletableFuture<?>[] exits = all.stream().filter(Job::running).flatMap(job -> job.process().stream())
                .map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(grace.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // The grace is over: whatever still runs is killed next.
        }
    }

    private void sleepUntil(Instant wake) {
        Duration wait = Duration.between(clock.instant(), wake);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        if (wait.compareTo(options.maxSleep()) > 0) {
            wait = options.maxSleep();
        }
        try {
            sleeper.sleep(wait, wakeup);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
        }
    }

    private void record(Instant at, ScheduledCronJob cronJob, SchedulerDecision.Kind kind, Optional<Instant> scheduled,
            String runId, String message) {
        SchedulerDecision decision = new SchedulerDecision(at, cronJob == null ? SELF : cronJob.name(),
                cronJob == null ? null : cronJob.pipeline(), kind, scheduled, runId, message);
        out.accept(decision.describe());
        try {
            store.record(decision);
        } catch (RuntimeException e) {
            out.accept(at + " scheduler: cannot record that decision: " + e.getMessage());
        }
    }

    private static String logOf(Job job) {
        return job.current().map(run -> "; log " + run.child().log()).orElse("");
    }

    private static String firstLine(String message) {
        String text = message == null ? "unknown error" : message;
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
