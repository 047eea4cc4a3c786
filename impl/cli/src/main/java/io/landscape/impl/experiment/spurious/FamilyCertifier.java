package io.landscape.impl.experiment.spurious;

import io.landscape.api.Problem;

/**
 * Hook for rigorous certification of a family representative (paper 002 Lemmas 1–2: a local minimum within radius r,
 * and its value above the global minimum). The commands use {@link RigorousFamilyCertifier} (package
 * {@code certify}); {@link #NONE} reports {@code "certified": null} ("not attempted") — never as certified.
 */
@FunctionalInterface
public interface FamilyCertifier {

    /** Outcome of an attempt: {@code certified} and a human-readable {@code detail} (e.g. the radius r). */
    record Certificate(boolean certified, String detail) {
    }

    /** Tries to certify {@code point} (flat, neuron i at i·d … i·d+d) for {@code problem}; null = not attempted. */
    Certificate certify(Problem problem, double[] point);

    /** No certification: always "not attempted". */
    FamilyCertifier NONE = (problem, point) -> null;
}
