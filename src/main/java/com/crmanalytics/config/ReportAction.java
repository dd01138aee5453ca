package com.crmanalytics.config;

import com.crmanalytics.error.Errors;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One rule of {@code report.actions}: a group of customers that calls for an action, chosen by a
 * SQL condition over the columns of customer_segments and customer_value of the report date (and
 * lifetime_orders, tenure_days of customer_features), with the action in each report language and,
 * optionally, the notebook of {@code notebooks-export/} that works on the group.
 *
 * @param name the rule's id: lower-case letters, digits and _ (also the target list's file name)
 * @param condition a boolean SQL expression, e.g. {@code tier IN ('vip', 'major') AND risk_band =
 *     'high'}; checked against the tables when the report runs
 * @param action the action by report.language ({@code en}, {@code zh-CN})
 * @param notebook a notebook file name in notebooks-export/, or null
 */
public record ReportAction(
    String name, String condition, Map<String, String> action, String notebook) {

  public static final String KEY = "report.actions";
  private static final Set<String> KEYS = Set.of("name", "condition", "action", "notebook");
  private static final String ALLOWED =
      "a list of { name = ..., condition = \"<SQL over customer_segments, customer_value,"
          + " lifetime_orders and tenure_days>\","
          + " action { en = ..., zh-CN = ... }, notebook = <file in notebooks-export/> (optional) },"
          + " names of lower-case letters, digits and _, each once";

  public ReportAction {
    action = Map.copyOf(action);
  }

  /** The action in a report language. */
  public String action(String language) {
    return action.get(language);
  }

  /** Reads and validates {@value #KEY} (exit 2 naming the entry and what is wrong). */
  static List<ReportAction> from(Config c) {
    List<? extends Config> list;
    try {
      list = c.getConfigList(KEY);
    } catch (ConfigException.Missing e) {
      throw Errors.config("missing key " + KEY, e);
    } catch (ConfigException e) {
      throw Errors.badConfig(KEY, c.getValue(KEY).unwrapped(), ALLOWED);
    }
    List<ReportAction> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      Config a = list.get(i);
      String at = KEY + "[" + i + "]";
      for (String k : a.root().keySet()) {
        if (!KEYS.contains(k)) {
          throw Errors.config(
              "unknown key "
                  + k
                  + " in "
                  + at
                  + " (allowed: "
                  + String.join(", ", KEYS.stream().sorted().toList())
                  + ")",
              null);
        }
      }
      String name = text(a, "name", at);
      if (!name.matches("[a-z][a-z0-9_]*") || out.stream().anyMatch(o -> o.name().equals(name))) {
        throw Errors.badConfig(at + ".name", name, ALLOWED);
      }
      String condition = text(a, "condition", at);
      // one expression, not statements: the condition is pasted into the report's and the target
      // list's WHERE
      if (condition.contains(";") || condition.contains("--") || condition.contains("/*")) {
        throw Errors.badConfig(
            at + ".condition", condition, "one SQL expression, without ; or comments");
      }
      if (!a.hasPath("action") || a.getValue("action").valueType() != ConfigValueType.OBJECT) {
        throw Errors.badConfig(
            at + ".action",
            a.hasPath("action") ? a.getValue("action").unwrapped() : null,
            "{ en = \"...\", zh-CN = \"...\" }");
      }
      Map<String, String> texts = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, ConfigValue> e : a.getObject("action").entrySet()) {
        if (!ReportSettings.LANGUAGES.contains(e.getKey())
            || e.getValue().valueType() != ConfigValueType.STRING
            || e.getValue().unwrapped().toString().isBlank()) {
          throw Errors.badConfig(
              at + ".action." + e.getKey(),
              e.getValue().unwrapped(),
              "a text in each of " + String.join(", ", ReportSettings.LANGUAGES));
        }
        texts.put(e.getKey(), e.getValue().unwrapped().toString());
      }
      for (String language : ReportSettings.LANGUAGES) {
        if (!texts.containsKey(language)) {
          throw Errors.config("missing key " + at + ".action." + language, null);
        }
      }
      String notebook = a.hasPath("notebook") ? text(a, "notebook", at) : null;
      if (notebook != null && !notebook.matches("[A-Za-z0-9_.-]+\\.sql")) {
        throw Errors.badConfig(
            at + ".notebook", notebook, "a file name in notebooks-export/, e.g. offer_targets.sql");
      }
      out.add(new ReportAction(name, condition.strip(), texts, notebook));
    }
    return List.copyOf(out);
  }

  private static String text(Config a, String key, String at) {
    if (!a.hasPath(key)) {
      throw Errors.config("missing key " + at + "." + key, null);
    }
    ConfigValue v = a.getValue(key);
    if (v.valueType() != ConfigValueType.STRING || v.unwrapped().toString().isBlank()) {
      throw Errors.badConfig(at + "." + key, v.unwrapped(), "a non-empty text");
    }
    return v.unwrapped().toString();
  }
}
