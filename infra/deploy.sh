#!/usr/bin/env bash
# Deploys PsBill to an Azure resource group: infrastructure (main.bicep), then the app as a zip package.
#
#   infra/deploy.sh --resource-group RG --parameters infra/customer.bicepparam [--location westeurope] [--subscription ID]
#
# Needs: the .NET SDK, the Azure CLI (`az login` done, with Owner or User Access Administrator on the resource
# group: the template assigns roles), `zip`. Documentation-grade: the steps an operator runs, in order.
# After the first deployment, set the credentials in the vault (needs Key Vault Secrets Officer, see the
# operatorPrincipalId parameter):
#   PsBill__Credentials__Store=KeyVault PsBill__Credentials__VaultUri=<vaultUri output> psbill credentials set bill
set -euo pipefail

resource_group="" parameters="" location="" subscription=""
while [ $# -gt 0 ]; do
  case "$1" in
    --resource-group|-g) resource_group="$2"; shift 2 ;;
    --parameters|-p) parameters="$2"; shift 2 ;;
    --location|-l) location="$2"; shift 2 ;;
    --subscription) subscription="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$resource_group" ] && [ -n "$parameters" ] || { echo "usage: $0 --resource-group RG --parameters FILE.bicepparam" >&2; exit 2; }

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -n "$subscription" ] && az account set --subscription "$subscription"

if [ -n "$location" ]; then
  az group create --name "$resource_group" --location "$location" --output none
fi

echo "== 1/4 publish the custom handler (self-contained linux-x64: independent of the runtime on the Functions image)"
publish="$work/app"
dotnet publish "$root/functions/PsBill.Functions/PsBill.Functions.csproj" \
  -c Release -r linux-x64 --self-contained true -p:PublishSingleFile=false -o "$publish" --nologo

echo "== 2/4 generate host.json and one function.json per function into the app root"
"$publish/PsBill.Functions" functions generate --out "$publish"
chmod +x "$publish/PsBill.Functions"

echo "== 3/4 deploy the infrastructure"
deployment="psbill-$(date -u +%Y%m%d%H%M%S)"
az deployment group create \
  --resource-group "$resource_group" \
  --name "$deployment" \
  --template-file "$root/infra/main.bicep" \
  --parameters "$parameters" \
  --output none
app_name="$(az deployment group show -g "$resource_group" -n "$deployment" --query properties.outputs.functionAppName.value -o tsv)"
vault_uri="$(az deployment group show -g "$resource_group" -n "$deployment" --query properties.outputs.vaultUri.value -o tsv)"

echo "== 4/4 deploy the app package to $app_name"
# zip (Info-ZIP) stores Unix modes, so the handler keeps its executable bit; the Functions host starts it as is.
(cd "$publish" && zip -qr -X "$work/app.zip" .)
az functionapp deployment source config-zip --resource-group "$resource_group" --name "$app_name" --src "$work/app.zip"

echo "Deployed $app_name. Credentials go to $vault_uri:"
echo "  PsBill__Credentials__Store=KeyVault PsBill__Credentials__VaultUri=$vault_uri psbill credentials set peoplesoft|bill|webhook"
echo "  then: psbill credentials check"
