// Example parameters: copy, fill in the customer's PeopleSoft and BILL addresses, and pass with
// `infra/deploy.sh --parameters infra/<yours>.bicepparam`. No secret belongs here.
using 'main.bicep'

param baseName = 'psbill'
param peopleSoftBaseUrl = 'https://erp.example.com:8443'
param peopleSoftNode = 'PSFT_EP'
param billBaseUrl = 'https://gateway.stage.bill.com/connect'
param billEventsBaseUrl = 'https://gateway.stage.bill.com/connect-events'
param operatorPrincipalId = ''
