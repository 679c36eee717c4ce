package org.nianbao.parse.parser;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The work and time one document may cost the parser, counted as it goes; it exists so that no input (a hostile
 * upload, a pathological PDF) can keep a parse running without end: every search over alternatives draws on it, and
 * once it is spent the parse goes on with what it has read and says so, instead of guessing or hanging.
 *
 * <p>Work is counted in units of the parser's own searches (one unit = one candidate piece tried by the digit
 * splitter, one trial of a column-identity combination, one value atom checked against a row window, one character
 * scanned for a row's values), so the same input always costs the same work whatever the machine's load. Time is
 * the last resort for what work does not count (text extraction of a huge PDF); it is read from a clock given at
 * construction.
 *
 * <p>One instance per parse, used by one thread.
 */
public final class ParseBudget {

    /** Work a budget-less caller (a unit test, the splitter on its own) may spend on one row. */
    public static final long DEFAULT_ROW_WORK = 400_000;

    private final Limits limits;
    private final long workLimit;
    private final long deadlineNanos;
    private final LongSupplier clock;
    private long used;
    private String spentOn;

    private ParseBudget(Limits limits, long workLimit, long deadlineNanos, LongSupplier clock) {
        this.limits = limits;
        this.workLimit = workLimit;
        this.deadlineNanos = deadlineNanos;
        this.clock = clock;
    }

    /** A budget for one document of {@code inputBytes} bytes, its time counted from now on {@code clock} (ns). */
    public static ParseBudget forInput(Limits limits, long inputBytes, LongSupplier clock) {
        long kb = Math.max(0, inputBytes) / 1024;
        long work = saturatedAdd(limits.documentWork(), saturatedMultiply(limits.documentWorkPerKb(), kb));
        long nanos = saturatedAdd(limits.time().toNanos(),
                saturatedMultiply(limits.timePerMb().toNanos(), Math.max(0, inputBytes)) / (1024 * 1024));
        return new ParseBudget(limits, work, saturatedAdd(clock.getAsLong(), nanos), clock);
    }

    /** The default budget of an empty document: what a caller without a document of its own (a test) spends. */
    public static ParseBudget standalone() {
        return forInput(Limits.defaults(), 0);
    }

    /** A budget for one document of {@code inputBytes} bytes on the JVM's monotonic clock. */
    public static ParseBudget forInput(Limits limits, long inputBytes) {
        return forInput(limits, inputBytes, System::nanoTime);
    }

    /** The limits this budget was made from. */
    public Limits limits() {
        return limits;
    }

    /** Work spent so far. */
    public long used() {
        return used;
    }

    /** The work this document may spend in all. */
    public long workLimit() {
        return workLimit;
    }

    /** Work one row's search may still spend: the row limit, or what is left of the document's work if less. */
    public long rowAllowance() {
        return Math.max(0, Math.min(limits.rowWork(), workLimit - used));
    }

    /** Records {@code units} of work; past the document's limit the budget is spent. */
    public void charge(long units) {
        used = saturatedAdd(used, units);
        if (used > workLimit && spentOn == null) {
            spentOn = "work";
        }
    }

    /** True once the deadline has passed (and from then on); cheap enough to call every few thousand steps. */
    public boolean pastDeadline() {
        if (spentOn == null && clock.getAsLong() - deadlineNanos > 0) {
            spentOn = "time";
        }
        return "time".equals(spentOn);
    }

    /** True once the work or the time of the document is spent: further searches are refused. */
    public boolean spent() {
        return spentOn != null || pastDeadline();
    }

    /** What ran out ("work" or "time"), or null while the budget lasts. */
    public String spentOn() {
        return spentOn;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatedMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi == 0 && lo >= 0) ? lo : Long.MAX_VALUE;
    }

    /**
     * How much a document may cost.
     *
     * @param rowWork work one row's search for a digit split may spend before the row is left unsplit
     * @param documentWork work any document may spend, on top of {@code documentWorkPerKb}
     * @param documentWorkPerKb work allowed per KiB of input
     * @param time wall-clock time any document may take, on top of {@code timePerMb}
     * @param timePerMb time allowed per MiB of input
     * @param maxPages PDF pages read at most; the rest are left unread with a warning
     */
    public record Limits(long rowWork, long documentWork, long documentWorkPerKb, Duration time, Duration timePerMb,
                         int maxPages) {

        public Limits {
            if (rowWork < 1 || documentWork < 1 || documentWorkPerKb < 0 || maxPages < 1) {
                throw new IllegalArgumentException("parse budget limits must be positive");
            }
            if (time.isNegative() || time.isZero() || timePerMb.isNegative()) {
                throw new IllegalArgumentException("parse time budget must be positive");
            }
        }

        /**
         * The defaults: 400 000 units a row (about 20 ms), 20 million units per document plus 100 000 per KiB,
         * 5 s plus 1 s per MiB, 1 000 PDF pages. A real report, even a badly glued one, costs under a tenth of
         * that (see BENCHMARKS.md).
         */
        public static Limits defaults() {
            return new Limits(DEFAULT_ROW_WORK, 20_000_000, 100_000, Duration.ofSeconds(5), Duration.ofSeconds(1),
                    1000);
        }
    }
}
