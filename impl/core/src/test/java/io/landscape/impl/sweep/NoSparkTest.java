package io.landscape.impl.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Research code that depends on landscape-impl never pulls Spark: this module's test class path (its compile and
 * runtime dependencies and more) holds no Spark or Scala class and no runner engine; the Spark engine is the separate
 * landscape-spark module, found only when it is on the class path.
 */
class NoSparkTest {
    @Test
    void theLibrarysClassPathHasNoSparkAndNoEngine() {
        for (String c : List.of("org.apache.spark.SparkContext", "scala.Function1", "io.landscape.impl.spark.SparkRunner")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(c), c);
        }
        assertEquals(List.of(), RunnerFactory.engines(getClass().getClassLoader()));
        assertEquals(null, RunnerFactory.find("spark", getClass().getClassLoader()));
    }
}
