#!/usr/bin/env bash
# Deploys PsBill to an Azure resource group: infrastructure (main.bicep), then the app as a zip package.
#
#   infra/deploy.sh --resource-group RG --parameters infra/customer.bicepparam [--location westeurope] [--subscription ID]
#
# Needs: the .NET 10 SDK, the Azure CLI (`az login` done, with Owner or User Access Administrator on the resource
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

echo "== 1/3 publish the isolated worker app (framework-dependent: Flex runs it on its dotnet-isolated 10.0 stack)"
publish="$work/app"
# Warnings as errors live in Directory.Build.props, not on this command line: there they would reach the Worker SDK's
# inner extensions project and fail it on NU1603.
dotnet publish "$root/functions/PsBill.FunctionApp/PsBill.FunctionApp.csproj" -c Release -o "$publish" --nologo
for required in host.json functions.metadata worker.config.json extensions.json .azurefunctions PsBill.FunctionApp.dll; do
  [ -e "$publish/$required" ] || { echo "publish output lacks $required: not a Functions app root" >&2; exit 1; }
done

echo "== 2/3 deploy the infrastructure"
deployment="psbill-$(date -u +%Y%m%d%H%M%S)"
az deployment group create \
  --resource-group "$resource_group" \
  --name "$deployment" \
  --template-file "$root/infra/main.bicep" \
  --parameters "$parameters" \
  --output none
output() { az deployment group show -g "$resource_group" -n "$deployment" --query "properties.outputs.$1.value" -o tsv; }
app_name="$(output functionAppName)"
vault_uri="$(output vaultUri)"

echo "== 3/3 deploy the app package to $app_name"
# The app root is the publish folder's content, hidden .azurefunctions/ (the host-side Durable extension) included.
(cd "$publish" && zip -qr -X "$work/app.zip" .)
az functionapp deployment source config-zip --resource-group "$resource_group" --name "$app_name" --src "$work/app.zip"

echo "Deployed $app_name. Credentials go to $vault_uri:"
echo "  PsBill__Credentials__Store=KeyVault PsBill__Credentials__VaultUri=$vault_uri psbill credentials set peoplesoft|bill|webhook"
echo "  then: psbill credentials check"
echo "Durable Functions Monitor: storage account $(output storageAccountName), task hub $(output taskHubName)"
