package com.crmanalytics.cli;

/** Entry point of the {@code crm} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(CrmCommand.commandLine().execute(args));
  }
}
