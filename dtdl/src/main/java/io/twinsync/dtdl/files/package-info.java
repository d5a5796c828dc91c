/** Finds model files on disk from the paths, folders and globs a user gives, and reads them as model documents. */
package io.twinsync.dtdl.files;
