/**
 * Staging in Azure Blob Storage: {@link io.twinsync.staging.blob.BlobStagingStore}, opened from a URL
 * ({@link io.twinsync.staging.blob.BlobStagingUrl}) with a SAS in the URL, a connection string, or
 * {@code DefaultAzureCredential}. The same contract as the local store: files appear whole on commit, folders of
 * many files are published at once by a marker blob, locks are blob leases. The Azure SDK is an optional
 * dependency of the staging module; only code that opens a Blob store needs it.
 */
package io.twinsync.staging.blob;
