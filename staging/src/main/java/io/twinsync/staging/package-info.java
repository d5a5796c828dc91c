/** The staging area: where each batch keeps its rows, twin files, rejects and manifest, locally or in the cloud. */
package io.twinsync.staging;
