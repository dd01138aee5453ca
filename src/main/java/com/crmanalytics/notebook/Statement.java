package com.crmanalytics.notebook;

/**
 * One SQL statement of a notebook cell, without its terminating semicolon.
 *
 * @param sql the statement's text as written (comments inside it kept)
 * @param line the line of the notebook file on which the statement starts (1 = the header line)
 */
public record Statement(String sql, int line) {}
