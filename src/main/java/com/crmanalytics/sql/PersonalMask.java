package com.crmanalytics.sql;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.crmanalytics.config.PrivacySettings;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The one-way mask of personal values: the fixed {@link #TOKEN}, or the first 16 hex digits of an
 * HMAC-SHA256 under a secret key. Neither keeps the length or shape of the value; the hash lets
 * equal values be counted. Nulls stay null (an empty column is not personal data).
 */
public final class PersonalMask {
  /** What every non-null personal value shows as with {@code privacy.mask = token}. */
  public static final String TOKEN = "***";

  private static final int HASH_HEX_DIGITS = 16;

  /** The keyed hash; null for the token mask. */
  private final UserDefinedFunction hmac;

  private PersonalMask(UserDefinedFunction hmac) {
    this.hmac = hmac;
  }

  /** The token mask, without configuration (the quarantine's copy of a record always uses it). */
  public static PersonalMask token() {
    return new PersonalMask(null);
  }

  public static PersonalMask of(PrivacySettings settings) {
    if (settings.mask() == PrivacySettings.Mask.TOKEN) {
      return token();
    }
    byte[] key = settings.hashKey();
    // An anonymous UDF, never registered by name: a SQL user cannot call it to hash guesses, and
    // the
    // key stays inside the closure instead of showing as a literal in EXPLAIN.
    UserDefinedFunction hmac =
        udf((UDF1<String, String>) value -> hash(key, value), DataTypes.StringType)
            .withName("personal_mask");
    return new PersonalMask(hmac);
  }

  /** The masked value of a string column. */
  public Column apply(Column value) {
    return hmac == null ? when(value.isNotNull(), lit(TOKEN)) : hmac.apply(value);
  }

  /** First 16 hex digits of HMAC-SHA256(key, UTF-8 value); null for null. */
  public static String hash(byte[] key, String value) {
    if (value == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH_HEX_DIGITS);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
