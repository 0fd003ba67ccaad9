package org.govflow.workplan.internal;

import java.util.Arrays;

/**
 * A file that is not a work plan: the line where reading stopped (0 for the file as a whole), a
 * message code of {@code i18n/workplan} saying what was expected there, and its arguments (the line
 * number is always the first).
 */
class WorkPlanFormatException extends RuntimeException {

  private final int line;
  private final String code;
  private final transient Object[] args;

  WorkPlanFormatException(int line, String code, Object... args) {
    super("line " + line + ": " + code + " " + Arrays.toString(args));
    this.line = line;
    this.code = code;
    this.args = args;
  }

  int line() {
    return line;
  }

  String code() {
    return code;
  }

  /** The message arguments: the line number, then the code's own arguments. */
  Object[] arguments() {
    Object[] all = new Object[args.length + 1];
    all[0] = String.valueOf(line);
    System.arraycopy(args, 0, all, 1, args.length);
    return all;
  }
}
