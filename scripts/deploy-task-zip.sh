#!/usr/bin/env bash
# Uploads the twin writer task zip to the code container under a name made of its SHA-256, and prints the folderPath
# to give the Data Factory Custom Activity. A zip is never changed or half-visible under a name a pipeline uses: a new
# build gets a new folder, a single Put Blob becomes visible only when complete, and an existing folder is left alone.
#
# Usage: scripts/deploy-task-zip.sh [ZIP, default dist/twin-writer-task-linux-x64.zip]
#   stdout: one line, the folderPath, e.g. code/twin-writer-task/<sha256>
#   blob:   <container>/<prefix>/<sha256>/<zip file name>, metadata sha256=<sha256>
#
# Sign-in, the first that applies:
#   AZURE_STORAGE_CONNECTION_STRING   account key (AccountName/AccountKey, or UseDevelopmentStorage=true) or SAS
#                                     (SharedAccessSignature); uploads with curl and the Blob REST API, no az needed
#   AZURE_STORAGE_ACCOUNT             the account name; uploads with `az storage blob ... --auth-mode login`, i.e. as
#                                     whoever `az login` / azure/login (OIDC) / a managed identity signed in, which needs
#                                     Storage Blob Data Contributor on the account
# Optional: TWINSYNC_CODE_CONTAINER (default code), TWINSYNC_CODE_PREFIX (default twin-writer-task).
# Running it again with the same zip uploads nothing and prints the same folderPath.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
ZIP=${1:-$ROOT/dist/twin-writer-task-linux-x64.zip}
CONTAINER=${TWINSYNC_CODE_CONTAINER:-code}
PREFIX=${TWINSYNC_CODE_PREFIX:-twin-writer-task}
API_VERSION=2021-08-06

fail() { echo "deploy-task-zip: $*" >&2; exit 1; }
note() { echo "deploy-task-zip: $*" >&2; }

[ -f "$ZIP" ] || fail "no zip at $ZIP; build it with scripts/build-task-zip.sh or give its path"
SHA=$(sha256sum "$ZIP" | cut -d' ' -f1)
NAME=$(basename "$ZIP")
BLOB="$PREFIX/$SHA/$NAME"
FOLDER="$CONTAINER/$PREFIX/$SHA"

# --- sign-in by account key or SAS: the Blob REST API with curl --------------------------------------------------
setting() { # setting NAME: the value of NAME=... in the connection string, empty if absent
    local part
    IFS=';' read -ra parts <<<"$AZURE_STORAGE_CONNECTION_STRING"
    for part in "${parts[@]}"; do
        [ "${part%%=*}" = "$1" ] && { printf '%s' "${part#*=}"; return; }
    done
    return 0
}

parse_connection_string() {
    if [ "$(setting UseDevelopmentStorage)" = "true" ]; then
        ACCOUNT=devstoreaccount1
        KEY='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
        ENDPOINT=http://127.0.0.1:10000/devstoreaccount1
        SAS=
        return
    fi
    ACCOUNT=$(setting AccountName)
    KEY=$(setting AccountKey)
    SAS=$(setting SharedAccessSignature)
    SAS=${SAS#\?}
    ENDPOINT=$(setting BlobEndpoint)
    ENDPOINT=${ENDPOINT%/}
    if [ -z "$ENDPOINT" ]; then
        [ -n "$ACCOUNT" ] || fail "the connection string has neither BlobEndpoint nor AccountName"
        ENDPOINT="$(setting DefaultEndpointsProtocol)"
        ENDPOINT="${ENDPOINT:-https}://$ACCOUNT.blob.$(setting EndpointSuffix)"
        ENDPOINT=${ENDPOINT%.}
        [ -n "$(setting EndpointSuffix)" ] || ENDPOINT="${ENDPOINT}core.windows.net"
    fi
    [ -n "$SAS" ] || [ -n "$KEY" ] || fail "the connection string has neither AccountKey nor SharedAccessSignature"
    [ -n "$SAS" ] || [ -n "$ACCOUNT" ] || fail "the connection string has an AccountKey but no AccountName"
}

# rest VERB BLOB [FILE]: one request to the blob; prints the HTTP status, response headers to $HEADERS
rest() {
    local verb=$1 blob=$2 file=${3:-} url path date length=
    url="$ENDPOINT/$CONTAINER/$blob"
    date=$(LC_ALL=C TZ=GMT date '+%a, %d %b %Y %H:%M:%S GMT')
    local -a headers=(-H "x-ms-date: $date" -H "x-ms-version: $API_VERSION")
    local canonical_headers="x-ms-date:$date"$'\n'
    if [ "$verb" = PUT ]; then
        length=$(stat -c %s "$file")
        headers+=(-H "x-ms-blob-type: BlockBlob" -H "x-ms-meta-sha256: $SHA" -H "If-None-Match: *"
            -H "Content-Type: application/zip")
        canonical_headers="x-ms-blob-type:BlockBlob"$'\n'"$canonical_headers""x-ms-meta-sha256:$SHA"$'\n'
    fi
    canonical_headers+="x-ms-version:$API_VERSION"$'\n'
    if [ -n "$SAS" ]; then
        url="$url?$SAS"
    else
        path="/${url#*://*/}"
        local content_type= if_none_match=
        [ "$verb" = PUT ] && { content_type=application/zip; if_none_match='*'; }
        [ "$length" = 0 ] && length=
        local string_to_sign="$verb"$'\n\n\n'"$length"$'\n\n'"$content_type"$'\n\n\n\n'"$if_none_match"$'\n\n\n'
        string_to_sign+="$canonical_headers/$ACCOUNT$path"
        local signature
        signature=$(printf '%s' "$string_to_sign" | openssl dgst -sha256 -mac HMAC \
            -macopt "hexkey:$(printf '%s' "$KEY" | base64 -d | od -An -vtx1 | tr -d ' \n')" -binary | base64 -w0)
        headers+=(-H "Authorization: SharedKey $ACCOUNT:$signature")
    fi
    local -a body=()
    [ "$verb" = PUT ] && body=(-T "$file")
    [ "$verb" = HEAD ] && body=(-I)
    [ "$verb" = PUT ] && body+=(-X PUT)
    curl -sS -o /dev/null -D "$HEADERS" -w '%{http_code}' "${headers[@]}" "${body[@]}" "$url"
}

deploy_with_rest() {
    command -v curl >/dev/null || fail "curl is needed to upload with a connection string"
    command -v openssl >/dev/null || fail "openssl is needed to sign requests with an account key"
    parse_connection_string
    HEADERS=$(mktemp)
    trap 'rm -f "$HEADERS"' EXIT
    local status
    status=$(rest HEAD "$BLOB")
    case "$status" in
    200)
        local stored
        stored=$(tr -d '\r' <"$HEADERS" | awk -F': ' 'tolower($1) == "x-ms-meta-sha256" {print $2}')
        [ "$stored" = "$SHA" ] || fail "$ENDPOINT/$CONTAINER/$BLOB exists but its sha256 metadata is '$stored', not" \
            "$SHA; it was not put there by this script: delete it, then run again"
        note "$CONTAINER/$BLOB is already there; nothing uploaded"
        ;;
    404)
        status=$(rest PUT "$BLOB" "$ZIP")
        case "$status" in
        201) note "uploaded $NAME ($(stat -c %s "$ZIP") bytes) to $CONTAINER/$BLOB" ;;
        409 | 412) note "$CONTAINER/$BLOB was uploaded by someone else meanwhile; nothing uploaded" ;;
        *) fail "uploading to $ENDPOINT/$CONTAINER/$BLOB answered HTTP $status ($(error_code)); does the" \
            "container '$CONTAINER' exist (deploy/azure creates it) and may this identity write to it?" ;;
        esac
        ;;
    *) fail "checking $ENDPOINT/$CONTAINER/$BLOB answered HTTP $status ($(error_code)); check the connection" \
        "string and that the container '$CONTAINER' exists (deploy/azure creates it)" ;;
    esac
}

error_code() { tr -d '\r' <"$HEADERS" | awk -F': ' 'tolower($1) == "x-ms-error-code" {print $2}'; }

# --- sign-in as the az CLI's identity (az login, azure/login with OIDC, managed identity) -------------------------
deploy_with_az() {
    command -v az >/dev/null || fail "az is needed without AZURE_STORAGE_CONNECTION_STRING; install the Azure CLI"
    local -a where=(--account-name "$AZURE_STORAGE_ACCOUNT" --container-name "$CONTAINER" --name "$BLOB"
        --auth-mode login)
    if [ "$(az storage blob exists "${where[@]}" --query exists --output tsv)" = "true" ]; then
        local stored
        stored=$(az storage blob metadata show "${where[@]}" --query sha256 --output tsv)
        [ "$stored" = "$SHA" ] || fail "$CONTAINER/$BLOB exists but its sha256 metadata is '$stored', not $SHA;" \
            "it was not put there by this script: delete it, then run again"
        note "$CONTAINER/$BLOB is already there; nothing uploaded"
        return
    fi
    az storage blob upload "${where[@]}" --file "$ZIP" --metadata "sha256=$SHA" --content-type application/zip \
        --if-none-match '*' --only-show-errors --output none
    note "uploaded $NAME ($(stat -c %s "$ZIP") bytes) to $AZURE_STORAGE_ACCOUNT/$CONTAINER/$BLOB"
}

if [ -n "${AZURE_STORAGE_CONNECTION_STRING:-}" ]; then
    deploy_with_rest
elif [ -n "${AZURE_STORAGE_ACCOUNT:-}" ]; then
    deploy_with_az
else
    fail "set AZURE_STORAGE_CONNECTION_STRING, or AZURE_STORAGE_ACCOUNT to sign in as the az CLI's identity"
fi
note "set the Custom Activity's folderPath (the pipeline's code folder parameter) to the line below"
echo "$FOLDER"
