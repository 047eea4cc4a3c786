package io.landscape.impl.experiment.sharing;

import java.util.Arrays;

/** Keeps a curve on a roughly geometric grid of steps (1, 2, 3, …, then ~40 points per decade) plus the last step. */
final class Recorder {
    private double[] steps = new double[64];
    private double[] values = new double[64];
    private double[] extra = new double[64];
    private int n;
    private long next = 0;
    private long lastStep = -1;
    private double lastValue;
    private double lastExtra;

    Recorder(long horizon) {
    }

    void add(long step, double value, double ex) {
        lastStep = step;
        lastValue = value;
        lastExtra = ex;
        if (step >= next) {
            push(step, value, ex);
            next = Math.max(step + 1, (long) Math.ceil(step * 1.06));
        }
    }

    private void push(long step, double value, double ex) {
        if (n == steps.length) {
            steps = Arrays.copyOf(steps, 2 * n);
            values = Arrays.copyOf(values, 2 * n);
            extra = Arrays.copyOf(extra, 2 * n);
        }
        steps[n] = step;
        values[n] = value;
        extra[n] = ex;
        n++;
    }

    private void close() {
        if (lastStep >= 0 && (n == 0 || steps[n - 1] != lastStep)) {
            push(lastStep, lastValue, lastExtra);
        }
    }

    double[] steps() {
        close();
        return Arrays.copyOf(steps, n);
    }

    double[] values() {
        close();
        return Arrays.copyOf(values, n);
    }

    double[] extra() {
        close();
        return Arrays.copyOf(extra, n);
    }
}
