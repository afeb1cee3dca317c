package ch.moveacces.devstack;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The devstack's terminal. Every line starts with the name of whoever wrote it, in one aligned
 * column, so that six applications and the devstack can share one screen; whole blocks (a stack
 * trace, the status table) are written at once and never interleave.
 */
final class Console {

  static final String DEVSTACK = "devstack";
  private static final int NAME_WIDTH = 20;

  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final List<String> PALETTE =
      List.of("\u001b[36m", "\u001b[32m", "\u001b[33m", "\u001b[34m", "\u001b[35m", "\u001b[96m");

  private final PrintStream out;
  private final boolean colour;
  private final Map<String, String> nameColours;

  Console(PrintStream out, boolean colour, List<String> names) {
    this.out = out;
    this.colour = colour;
    this.nameColours = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      nameColours.put(names.get(i), PALETTE.get(i % PALETTE.size()));
    }
    nameColours.put(DEVSTACK, BOLD);
  }

  /** Standard output, coloured only on a terminal and when NO_COLOR is unset. */
  static Console standardOutput(List<String> names) {
    return new Console(System.out, isTerminal() && System.getenv("NO_COLOR") == null, names);
  }

  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    // From Java 22 on, System.console() exists even when output is redirected; only
    // isTerminal() tells. Before 22, a console meant a terminal.
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  boolean colour() {
    return colour;
  }

  /** One of the devstack's own lines. */
  void say(String text) {
    lines(DEVSTACK, List.of(text));
  }

  synchronized void lines(String name, List<String> lines) {
    String prefix = prefix(name);
    for (String line : lines) {
      out.println(prefix + line);
    }
    out.flush();
  }

  /** Text as it is, without a name column: the help text. */
  synchronized void plain(String text) {
    out.println(text);
    out.flush();
  }

  private String prefix(String name) {
    String padded = String.format("%-" + NAME_WIDTH + "s | ", name);
    return colour ? nameColours.getOrDefault(name, "") + padded + RESET : padded;
  }
}
