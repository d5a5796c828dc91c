/** Reads DTDL interfaces far enough to know each property's and relationship's schema, including inherited ones. */
package io.twinsync.transform.dtdl;
