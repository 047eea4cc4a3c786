package io.landscape.impl.experiment.slowdown;

import java.util.Locale;

/** Which dynamics to run: discrete gradient descent, continuous gradient flow, or both from the same start. */
public enum Dynamics {
    GD, FLOW, BOTH;

    public boolean includesDescent() {
        return this != FLOW;
    }

    public boolean includesFlow() {
        return this != GD;
    }

    public static Dynamics parse(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "gd": return GD;
            case "flow": case "gf": return FLOW;
            case "both": return BOTH;
            default: throw new IllegalArgumentException("unknown dynamics '" + s + "': expected gd, flow or both");
        }
    }
}
