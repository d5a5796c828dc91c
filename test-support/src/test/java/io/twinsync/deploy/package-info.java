/** Tests of what ships beside the code: the deploy script, the Azure template and the CI workflows. */
package io.twinsync.deploy;
