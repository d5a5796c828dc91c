/** Converts staged column values to the JSON a DTDL schema expects, without guessing and without locale. */
package io.twinsync.transform.convert;
