package io.landscape.impl.spark;

import io.landscape.impl.sweep.Runner;
import io.landscape.impl.sweep.RunnerFactory;

/** The {@code spark} engine of {@code --engine}: {@link SparkRunner#start}. Registered for {@link java.util.ServiceLoader}. */
public final class SparkRunnerFactory implements RunnerFactory {
    @Override
    public String engine() {
        return "spark";
    }

    @Override
    public Runner create(String master, String application) {
        return SparkRunner.start(master, application);
    }
}
