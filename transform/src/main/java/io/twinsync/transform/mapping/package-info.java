/** The mapping file: its immutable model, and the loader that reads it and checks it against the DTDL models. */
package io.twinsync.transform.mapping;
