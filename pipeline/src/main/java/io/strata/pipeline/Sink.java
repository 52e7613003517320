package io.strata.pipeline;

/**
 * Where rows go. A sink reads its source to the end and either writes all of it or, on any error,
 * nothing: no reader ever sees part of a load.
 */
public interface Sink {

    /** Opens {@code source}, writes every row, commits; on failure changes nothing and throws. */
    WriteResult write(Source source);

    /** The table written, as {@code schema.table}, for the run record and lineage. */
    String target();
}
