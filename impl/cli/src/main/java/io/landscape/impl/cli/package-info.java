/**
 * The command line (picocli): one class per command, shared option blocks as mixins, user errors as one line naming
 * the argument, file or line (exit 2). Commands parse and validate input, build the library's records (which check
 * their own values), call the library or an experiment, and print through the one JSON codec; they hold no numerics.
 * {@code docs/cli.md} is generated from these classes.
 */
package io.landscape.impl.cli;
