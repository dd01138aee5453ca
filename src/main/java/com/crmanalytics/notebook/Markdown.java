package com.crmanalytics.notebook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown of notebook cells as HTML: headings, paragraphs, bullet and numbered lists (nested
 * by indentation), pipe tables, fenced code, block quotes, rules, and inline bold, italics, code
 * and links. All text is escaped: raw HTML in the Markdown is shown, never interpreted, and links
 * go only to http(s), mailto or relative addresses.
 */
public final class Markdown {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern ITEM = Pattern.compile("^(\\s*)([-*+]|\\d{1,9}[.)])\\s+(.*)$");
  private static final Pattern RULE = Pattern.compile("^\\s{0,3}([-*_])(\\s*\\1){2,}\\s*$");
  private static final Pattern TABLE_RULE =
      Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");
  private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)\\s]+)\\)");
  private static final Pattern BOLD =
      Pattern.compile(
          "\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*|(?<![\\w])__(?=\\S)(.+?)(?<=\\S)__(?![\\w])");
  private static final Pattern ITALIC =
      Pattern.compile(
          "(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])|(?<![\\w])_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?![\\w])");

  private Markdown() {}

  public static String toHtml(String markdown) {
    return new Markdown.Renderer(markdown.split("\r?\n", -1)).render();
  }

  /** Escapes text for HTML content and attribute values. */
  public static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Bold, italics, code spans and links in one line of text; everything else escaped. */
  static String inline(String text) {
    StringBuilder b = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(text);
    int at = 0;
    while (code.find()) {
      b.append(emphasis(text.substring(at, code.start())));
      b.append("<code>").append(escape(code.group(2).strip())).append("</code>");
      at = code.end();
    }
    return b.append(emphasis(text.substring(at))).toString();
  }

  private static String emphasis(String text) {
    String s = escape(text);
    Matcher link = LINK.matcher(s);
    StringBuilder b = new StringBuilder();
    while (link.find()) {
      String url = link.group(2);
      String replacement =
          safeUrl(url)
              ? "<a href=\"" + url + "\">" + link.group(1) + "</a>"
              : link.group(1) + " (" + url + ")";
      link.appendReplacement(b, Matcher.quoteReplacement(replacement));
    }
    link.appendTail(b);
    s =
        BOLD.matcher(b.toString())
            .replaceAll(m -> Matcher.quoteReplacement("<strong>" + group(m) + "</strong>"));
    return ITALIC.matcher(s).replaceAll(m -> Matcher.quoteReplacement("<em>" + group(m) + "</em>"));
  }

  private static String group(java.util.regex.MatchResult m) {
    return m.group(1) != null ? m.group(1) : m.group(2);
  }

  /** http, https, mailto, or a relative address (no scheme): never javascript: and the like. */
  private static boolean safeUrl(String url) {
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    int colon = lower.indexOf(':');
    int slash = lower.indexOf('/');
    return lower.startsWith("http://")
        || lower.startsWith("https://")
        || lower.startsWith("mailto:")
        || colon < 0
        || (slash >= 0 && slash < colon);
  }

  private static final class Renderer {
    private final String[] lines;
    private final StringBuilder out = new StringBuilder();
    private final List<String> paragraph = new ArrayList<>();

    /** Open lists, innermost first: the tag (ul, ol) and the indentation of their items. */
    private final Deque<String[]> lists = new ArrayDeque<>();

    private int i;

    Renderer(String[] lines) {
      this.lines = lines;
    }

    String render() {
      while (i < lines.length) {
        String line = lines[i];
        Matcher m;
        if (line.isBlank()) {
          flush();
          closeLists(-1);
          i++;
        } else if (line.strip().startsWith("```")) {
          flush();
          closeLists(-1);
          code();
        } else if ((m = HEADING.matcher(line)).matches()) {
          flush();
          closeLists(-1);
          int level = m.group(1).length();
          out.append("<h")
              .append(level)
              .append('>')
              .append(inline(m.group(2)))
              .append("</h")
              .append(level)
              .append(">\n");
          i++;
        } else if (RULE.matcher(line).matches()) {
          flush();
          closeLists(-1);
          out.append("<hr>\n");
          i++;
        } else if ((m = ITEM.matcher(line)).matches()) {
          flush();
          item(
              m.group(1).length(),
              Character.isDigit(m.group(2).charAt(0)) ? "ol" : "ul",
              m.group(3));
          i++;
        } else if (line.strip().startsWith("|")
            && i + 1 < lines.length
            && TABLE_RULE.matcher(lines[i + 1]).matches()) {
          flush();
          closeLists(-1);
          table();
        } else if (line.strip().startsWith(">")) {
          flush();
          closeLists(-1);
          quote();
        } else if (!lists.isEmpty() && paragraph.isEmpty()) {
          // An indented continuation of the last list item.
          int end = out.lastIndexOf("</li>");
          out.insert(end, " " + inline(line.strip()));
          i++;
        } else {
          paragraph.add(line.strip());
          i++;
        }
      }
      flush();
      closeLists(-1);
      return out.toString();
    }

    private void flush() {
      if (!paragraph.isEmpty()) {
        out.append("<p>").append(inline(String.join(" ", paragraph))).append("</p>\n");
        paragraph.clear();
      }
    }

    private void item(int indent, String tag, String text) {
      closeLists(indent);
      if (lists.isEmpty() || Integer.parseInt(lists.peek()[1]) < indent) {
        if (!lists.isEmpty()) {
          // A nested list goes inside the open item.
          out.setLength(out.lastIndexOf("</li>"));
          out.append('\n');
        }
        lists.push(new String[] {tag, Integer.toString(indent)});
        out.append('<').append(tag).append(">\n");
      } else if (!lists.peek()[0].equals(tag)) {
        closeList();
        lists.push(new String[] {tag, Integer.toString(indent)});
        out.append('<').append(tag).append(">\n");
      }
      out.append("<li>").append(inline(text)).append("</li>\n");
    }

    /** Closes the lists indented deeper than {@code indent} (every list for -1). */
    private void closeLists(int indent) {
      while (!lists.isEmpty() && Integer.parseInt(lists.peek()[1]) > indent) {
        closeList();
      }
    }

    private void closeList() {
      String[] list = lists.pop();
      out.append("</").append(list[0]).append(">\n");
      if (!lists.isEmpty()) {
        out.append("</li>\n");
      }
    }

    private void code() {
      StringBuilder body = new StringBuilder();
      i++;
      while (i < lines.length && !lines[i].strip().startsWith("```")) {
        body.append(lines[i]).append('\n');
        i++;
      }
      i++;
      out.append("<pre><code>").append(escape(body.toString())).append("</code></pre>\n");
    }

    private void table() {
      List<String> header = cells(lines[i]);
      i += 2;
      out.append("<table class=\"md\">\n<thead><tr>");
      header.forEach(h -> out.append("<th>").append(inline(h)).append("</th>"));
      out.append("</tr></thead>\n<tbody>\n");
      while (i < lines.length && lines[i].strip().startsWith("|")) {
        out.append("<tr>");
        cells(lines[i]).forEach(c -> out.append("<td>").append(inline(c)).append("</td>"));
        out.append("</tr>\n");
        i++;
      }
      out.append("</tbody></table>\n");
    }

    private static List<String> cells(String row) {
      String r = row.strip();
      r = r.startsWith("|") ? r.substring(1) : r;
      r = r.endsWith("|") && !r.endsWith("\\|") ? r.substring(0, r.length() - 1) : r;
      List<String> cells = new ArrayList<>();
      for (String c : r.split("(?<!\\\\)\\|", -1)) {
        cells.add(c.strip().replace("\\|", "|"));
      }
      return cells;
    }

    private void quote() {
      List<String> text = new ArrayList<>();
      while (i < lines.length && lines[i].strip().startsWith(">")) {
        text.add(lines[i].strip().substring(1).strip());
        i++;
      }
      out.append("<blockquote><p>")
          .append(inline(String.join(" ", text)))
          .append("</p></blockquote>\n");
    }
  }
}
