package io.twinsync.emulator.events;

/** A filter the parser cannot read, with the 0-based offset where it stopped; {@link RouteFilter} reports it. */
final class FilterSyntaxError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;

    FilterSyntaxError(int position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    int position() {
        return position;
    }

    static FilterSyntaxError unexpected(FilterToken token) {
        if (token.kind() == FilterToken.Kind.END) {
            return new FilterSyntaxError(token.position(), "Unexpected end of input");
        }
        String shown = token.kind() == FilterToken.Kind.STRING ? "'" + token.text() + "'" : token.text();
        return new FilterSyntaxError(token.position(), "Unexpected input '" + shown + "'");
    }
}
