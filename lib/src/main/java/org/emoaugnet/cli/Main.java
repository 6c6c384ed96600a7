package org.emoaugnet.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.emoaugnet.util.KnownKeys;
import org.emoaugnet.util.OutputLog;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line entry point ({@code environment/emoaug}): parses the command line against the command tree
 * ({@link Emoaug}), runs the command, and turns every error into one message on standard error and an
 * {@link ExitCode}. A mistyped command or option is named with the nearest known one ({@link KnownKeys}), before the
 * command starts; {@code EMOAUG_DEBUG} (set to anything) prints the stack trace of any error.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, System.getenv("EMOAUG_DEBUG") != null);
    }

    /** {@link #run(String[], PrintStream, PrintStream)}, printing stack traces of errors when {@code debug}. */
    static int run(String[] args, PrintStream out, PrintStream err, boolean debug) {
        OutputLog.setProducer("environment/emoaug " + String.join(" ", args));
        CommandLine cl = commandLine(out, err);
        cl.setParameterExceptionHandler((e, given) -> {
            err.println("emoaug: " + message(e));
            err.println("usage: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            if (debug) e.printStackTrace(err);
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            err.println("emoaug: " + message(e));
            if (e instanceof UsageException) err.println("usage: " + line.getCommandSpec().qualifiedName() + " --help");
            if (debug) e.printStackTrace(err);
            else if (!foreseen(e)) err.println("emoaug: an unexpected error (EMOAUG_DEBUG=1 prints its stack trace)");
            return ExitCode.of(e).code();
        });
        return cl.execute(args);
    }

    /** The command tree printing to {@code out} and {@code err}, with {@code -h/--help} on every command. */
    static CommandLine commandLine(PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(new Emoaug(out, err));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpWidth(WIDTH);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        addHelpOption(cl);
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING, help -> "");
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, help -> commandList(cl));
        cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> footer());
        return cl;
    }

    /** Adds {@code -h, --help} to {@code cl} and every command below it (picocli's inherited options clash with a help command). */
    private static void addHelpOption(CommandLine cl) {
        if (!cl.getCommandSpec().optionsMap().containsKey("--help"))
            cl.getCommandSpec().addOption(OptionSpec.builder("-h", "--help").usageHelp(true).description("print this command's usage and exit").build());
        for (CommandLine sub : cl.getSubcommands().values()) addHelpOption(sub);
    }

    /** Width of the usage help, in characters. */
    static final int WIDTH = 100;

    /** Every command, two-word ones in full, with its description: the list {@code emoaug help} prints. */
    private static String commandList(CommandLine root) {
        StringBuilder sb = new StringBuilder("Commands (each answers --help with its options):\n");
        for (CommandLine top : root.getSubcommands().values()) {
            List<CommandLine> leaves = top.getSubcommands().isEmpty() ? List.of(top) : new ArrayList<>(top.getSubcommands().values());
            for (CommandLine c : leaves) {
                sb.append("  ").append(name(c)).append('\n');
                for (String d : c.getCommandSpec().usageMessage().description()) wrap(sb, d, "        ");
            }
        }
        return sb.toString();
    }

    /** What every command shares: the settings options, the environment, the exit codes ({@link ExitCode}). */
    private static String footer() {
        StringBuilder sb = new StringBuilder("\n");
        wrap(sb, "Commands that read settings take --data DIR, --corpus NAMES, --seed S, --cache DIR, --quick (CI sizes) and --skip-bad; those "
                + "that train take --retry-failed too. Settings come from options, then EMOAUG_* environment variables, then emoaug.properties "
                + "(docs/configuration.md). Runs execute EMOAUG_PARALLEL at a time (default: one per core); EMOAUG_TRAIN=0 trains nothing and "
                + "reports the runs that exist; EMOAUG_DEBUG=1 prints the stack trace of any error.", "");
        sb.append("Exit codes:\n");
        for (ExitCode c : ExitCode.values()) wrap(sb, c.code() + "  " + c.meaning().replace("`", ""), "  ");
        return sb.toString();
    }

    /** Appends {@code text} wrapped at {@link #WIDTH}, every line indented by {@code indent} (continuations by two more). */
    private static void wrap(StringBuilder sb, String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                sb.append(line).append('\n');
                line = new StringBuilder(indent + (indent.isEmpty() ? "" : "   "));
            }
            if (line.length() > indent.length() && !line.toString().isBlank()) line.append(' ');
            line.append(word);
        }
        sb.append(line).append('\n');
    }

    /** A command's name without the program's: {@code experiment run}. */
    static String name(CommandLine c) {
        String q = c.getCommandSpec().qualifiedName(" ");
        String root = c.getCommandSpec().root().name();
        return q.equals(root) ? q : q.substring(root.length() + 1);
    }

    /** {@code "experiment run: "} before a message about that command; nothing for emoaug itself (the message starts with "emoaug: "). */
    private static String where(CommandLine at) { return at.getCommandSpec().parent() == null ? "" : name(at) + ": "; }

    /** The standard output of the command tree that {@code spec} belongs to. */
    static PrintStream out(CommandSpec spec) { return ((Emoaug) spec.root().userObject()).out; }

    /** The standard error of the command tree that {@code spec} belongs to. */
    static PrintStream err(CommandSpec spec) { return ((Emoaug) spec.root().userObject()).err; }

    /** {@code unknown command 'experiment rn' — did you mean 'experiment run'?}, among the commands below {@code parent}. */
    static String unknownCommand(CommandLine parent, String word) {
        String prefix = parent.getCommandSpec().parent() == null ? "" : name(parent) + " ";
        List<String> known = parent.getSubcommands().keySet().stream().map(k -> prefix + k).sorted().toList();
        return KnownKeys.describe(prefix + word, known, "command", "") + " (commands" + (prefix.isEmpty() ? "" : " of '" + prefix.strip() + "'") + ": "
                + parent.getSubcommands().keySet().stream().sorted().collect(Collectors.joining(", ")) + ")";
    }

    /** What a command-line error says: the unknown or missing names, with the nearest known ones. */
    static String message(CommandLine.ParameterException e) {
        CommandLine at = e.getCommandLine();
        // unknown options first, even where a required one is missing too: a mistyped --out is why --out is missing
        List<String> unmatched = e instanceof CommandLine.UnmatchedArgumentException u ? u.getUnmatched() : at.getUnmatchedArguments();
        List<String> unknownOptions = unmatched.stream().filter(a -> a.startsWith("-")).map(a -> a.contains("=") ? a.substring(0, a.indexOf('=')) : a)
                .distinct().toList();
        if (!unknownOptions.isEmpty()) {
            List<String> known = at.getCommandSpec().options().stream().flatMap(o -> java.util.Arrays.stream(o.names())).filter(n -> n.startsWith("--"))
                    .map(n -> n.substring(2)).sorted().toList();
            List<String> parts = new ArrayList<>();
            for (String o : unknownOptions) parts.add(KnownKeys.describe(o.replaceFirst("^-+", ""), known, "option", "--"));
            return where(at) + String.join("; ", parts) + " (known options: " + known.stream().map(k -> "--" + k).collect(Collectors.joining(", ")) + ")";
        }
        if (e instanceof CommandLine.UnmatchedArgumentException) {
            if (!at.getSubcommands().isEmpty()) return unknownCommand(at, unmatched.get(0));
            return "'" + name(at) + "' takes no argument '" + unmatched.get(0) + "'";
        }
        if (e instanceof CommandLine.MissingParameterException m) {
            List<String> given = at.getParseResult() == null ? List.of() : at.getParseResult().originalArgs();
            List<String> parts = new ArrayList<>();
            for (ArgSpec a : m.getMissing()) {
                if (a instanceof OptionSpec o) {
                    boolean named = java.util.Arrays.stream(o.names()).anyMatch(n -> given.stream().anyMatch(g -> g.equals(n) || g.startsWith(n + "=")));
                    parts.add(named ? "option " + o.longestName() + " needs a value (" + o.paramLabel() + ")" : "missing " + o.longestName() + " " + o.paramLabel());
                } else parts.add("missing " + a.paramLabel() + " (" + String.join(" ", a.description()) + ")");
            }
            return where(at) + String.join("; ", parts);
        }
        if (!at.getSubcommands().isEmpty() && e.getClass() == CommandLine.ParameterException.class)
            return "'" + name(at) + "' needs a command: one of " + String.join(", ", at.getSubcommands().keySet());
        return where(at) + e.getMessage();
    }

    /** What an error of a running command says: its message, a file system error with its file and what is wrong with it. */
    static String message(Exception e) {
        if (e instanceof NoSuchFileException f) return f.getFile() + " does not exist" + (f.getReason() == null ? "" : " (" + f.getReason() + ")");
        if (e instanceof AccessDeniedException f) return f.getFile() + " cannot be read or written: permission denied";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getFile() + ": " + f.getReason();
        return foreseen(e) && e.getMessage() != null ? e.getMessage() : e.toString();
    }

    /**
     * Whether an error is one the commands report on purpose, with a message that names what it is about (bad usage, an
     * unknown key, a file, audio or record problem, a failed run); anything else is reported with its type.
     */
    private static boolean foreseen(Exception e) {
        return e instanceof org.emoaugnet.util.ConfigurationException || e instanceof UsageException || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException || e instanceof IllegalArgumentException;
    }

    /** The words of every command, groups included ({@code [experiment]}, {@code [experiment, run]}), for tests and docs. */
    static List<List<String>> commands() {
        List<List<String>> out = new ArrayList<>();
        collect(commandLine(System.out, System.err), List.of(), out);
        return out;
    }

    private static void collect(CommandLine c, List<String> words, List<List<String>> out) {
        for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
            List<String> w = new ArrayList<>(words);
            w.add(e.getKey());
            out.add(w);
            collect(e.getValue(), w, out);
        }
    }
}
