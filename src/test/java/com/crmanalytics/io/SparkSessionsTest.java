package com.crmanalytics.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.crmanalytics.testing.TestSpark;
import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.blas.JavaBLAS;
import org.junit.jupiter.api.Test;

/** What the production session builder sets up besides Spark's own settings. */
class SparkSessionsTest {
  /**
   * MLlib's BLAS does not try a native libblas (whose loader prints "netlib-blas: JNI_OnLoad:
   * dlopen(libblas.so.3) failed" on stderr where none is installed); the churn classifier runs on
   * the Java BLAS.
   */
  @Test
  void mllibUsesTheJavaBlasWithoutTryingANativeOne() {
    TestSpark.session();
    assertThat(System.getProperty(SparkSessions.ALLOW_NATIVE_BLAS)).isEqualTo("false");
    assertThat(BLAS.getInstance()).isInstanceOf(JavaBLAS.class);
  }
}
