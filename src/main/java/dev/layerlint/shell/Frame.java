package dev.layerlint.shell;

/**
 * Where a (possibly nested) script runs.
 *
 * @param lineOffset  0-based line of the outermost script at which this script starts
 * @param origin      origin of its commands
 * @param conditional whether its commands sit in a conditional branch of the enclosing script
 * @param connector   connector of its first command
 * @param nesting     how deeply it is nested
 */
record Frame(int lineOffset, Origin origin, boolean conditional, Connector connector, int nesting) {

    static final Frame TOP = new Frame(0, Origin.SCRIPT, false, Connector.NONE, 0);

    /**
     * The frame of a script nested in a command of this one. A command inside a substitution stays one,
     * whatever runs it.
     */
    Frame nested(int line, Origin nestedOrigin, boolean nestedConditional, Connector firstConnector) {
        Origin effective = origin == Origin.SCRIPT ? nestedOrigin : origin;
        return new Frame(line, effective, nestedConditional, firstConnector, nesting + 1);
    }
}
