// twinsync in Azure: everything one scheduled twinsync batch needs, from an empty resource group, with the Data
// Factory pipeline, linked services and dataset of deploy/adf/ loaded from their files (one definition of each).
// Deploy into an empty resource group (see README.md beside this file; main.json is the same template as ARM JSON):
//   az deployment group create -g <group> -f deploy/azure/main.bicep -p deploy/azure/main.parameters.example.json

@description('Prefix of every resource name: lower-case letters and digits, 3-11 characters.')
@minLength(3)
@maxLength(11)
param namePrefix string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('VM size of the Batch pool\'s nodes.')
param poolVmSize string = 'Standard_D2s_v3'

@description('Dedicated nodes in the pool; 0 keeps the pool empty (no cost) until you scale it.')
@minValue(0)
param poolNodes int = 1

@description('Tasks one node runs at once: a writer partition mostly waits on ADT, so a few per core are fine.')
@minValue(1)
param taskSlotsPerNode int = 4

@description('Whether the storage account accepts account keys. The pool and Data Factory sign in by managed identity; keys are only for scripts/deploy-task-zip.sh with a connection string.')
param allowSharedKeyAccess bool = false

@description('Pricing tier of the job repository\'s database (Spring Batch\'s tables: small). Basic suits it; a vCore sku such as GP_S_Gen5_1 scales further.')
param jobsDatabaseSku string = 'Basic'

@description('Optional: the object id of the principal that deploys task zips (the CI workflow\'s federated app); gets Storage Blob Data Contributor on the storage account. Empty: no assignment.')
param deployerPrincipalId string = ''

@description('What kind of principal deployerPrincipalId is.')
@allowed([
  'ServicePrincipal'
  'User'
  'Group'
])
param deployerPrincipalType string = 'ServicePrincipal'

@description('The code folder of twinsync.jar and your twinsync.yaml, {container}/{folder} (README.md, "Upload the code"). Empty: no schedule yet.')
param orchestratorFolderPath string = ''

@description('The code folder of the task zip that scripts/deploy-task-zip.sh printed, {container}/{folder}. Empty: no schedule yet.')
param writerFolderPath string = ''

@description('The pipeline\'s schedule (once both code folders are given): Minute, Hour, Day, Week or Month.')
@allowed([
  'Minute'
  'Hour'
  'Day'
  'Week'
  'Month'
])
param scheduleFrequency string = 'Hour'

@description('The pipeline\'s schedule: every how many `scheduleFrequency` units.')
@minValue(1)
param scheduleInterval int = 1

@description('The schedule\'s first run (UTC, ISO 8601); default: the time of deployment.')
param scheduleStart string = utcNow()

@description('Further values for the pipeline\'s parameters on scheduled runs (partitions, rateShare, ...), as deploy/adf/ names them; they override the ones this template fills in.')
param pipelineParameters object = {}

var storageName = '${namePrefix}st${uniqueString(resourceGroup().id)}'
var batchName = '${namePrefix}batch${take(uniqueString(resourceGroup().id), 6)}'
var poolName = 'twinsync'
var sqlServerName = '${namePrefix}-sql-${take(uniqueString(resourceGroup().id), 6)}'
var jobsDatabaseName = 'twinsync-jobs'
// deploy/adf/, the one definition of the pipeline and what it references
var adf = {
  storage: loadJsonContent('../adf/linkedService/TwinsyncStorage.json')
  batch: loadJsonContent('../adf/linkedService/TwinsyncBatch.json')
  stagingArea: loadJsonContent('../adf/dataset/TwinsyncStagingArea.json')
  pipeline: loadJsonContent('../adf/pipeline/TwinsyncSync.json')
}
var roles = {
  digitalTwinsDataOwner: 'bcd981a7-7f74-457b-83e1-cceb9e632ffe'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  contributor: 'b24988ac-6180-42a0-ab88-20f7382dd24c'
}

// --- identities: one for the task on the pool's nodes, one for Data Factory -------------------------------------
resource poolIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-pool-id'
  location: location
}

resource factoryIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${namePrefix}-adf-id'
  location: location
}

// --- Azure Digital Twins ------------------------------------------------------------------------------------------
resource twins 'Microsoft.DigitalTwins/digitalTwinsInstances@2023-01-31' = {
  name: '${namePrefix}-twins'
  location: location
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}

// --- storage: staging (batches between the stages), archive (finished batches), code (task zips) ---------------
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: take(storageName, 24)
  location: location
  sku: {
    name: 'Standard_LRS'
  }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: allowSharedKeyAccess
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource containers 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = [
  for container in ['staging', 'archive', 'code']: {
    parent: blobService
    name: container
    properties: {
      publicAccess: 'None'
    }
  }
]

// --- Azure Batch: a Linux pool whose tasks sign in as the pool identity ---------------------------------------------
resource batch 'Microsoft.Batch/batchAccounts@2024-02-01' = {
  name: take(batchName, 24)
  location: location
  properties: {
    poolAllocationMode: 'BatchService'
    publicNetworkAccess: 'Enabled'
  }
}

resource pool 'Microsoft.Batch/batchAccounts/pools@2024-02-01' = {
  parent: batch
  name: poolName
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${poolIdentity.id}': {}
    }
  }
  properties: {
    vmSize: poolVmSize
    taskSlotsPerNode: taskSlotsPerNode
    deploymentConfiguration: {
      virtualMachineConfiguration: {
        imageReference: {
          publisher: 'canonical'
          offer: '0001-com-ubuntu-server-jammy'
          sku: '22_04-lts'
          version: 'latest'
        }
        nodeAgentSkuId: 'batch.node.ubuntu 22.04'
      }
    }
    scaleSettings: {
      fixedScale: {
        targetDedicatedNodes: poolNodes
        targetLowPriorityNodes: 0
      }
    }
    // The task zip brings its own Java runtime, but its command unzips it (unzip), and twinsync.jar, which the first
    // and last activity run, needs a Java 17 (the pipeline's javaCommand, default java).
    startTask: {
      commandLine: '/bin/sh -c "command -v unzip >/dev/null && command -v java >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq unzip openjdk-17-jre-headless)"'
      userIdentity: {
        autoUser: {
          scope: 'Pool'
          elevationLevel: 'Admin'
        }
      }
      waitForSuccess: true
      maxTaskRetryCount: 2
    }
  }
}

// --- the job repository: Spring Batch's tables, shared by the pipeline's first and last activity -------------------
// Entra-only: the pool identity is the server's administrator, so twinsync on the pool creates the tables itself and
// no password exists. An application's SQL identity is derived from its client id, hence sid = clientId.
resource sqlServer 'Microsoft.Sql/servers@2021-11-01' = {
  name: sqlServerName
  location: location
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      principalType: 'Application'
      login: poolIdentity.name
      sid: poolIdentity.properties.clientId
      tenantId: subscription().tenantId
      azureADOnlyAuthentication: true
    }
  }
}

// 0.0.0.0 is Azure's "allow Azure services": the pool's nodes reach the server without a fixed address.
resource sqlAllowAzure 'Microsoft.Sql/servers/firewallRules@2021-11-01' = {
  parent: sqlServer
  name: 'AllowAllWindowsAzureIps'
  properties: {
    startIpAddress: '0.0.0.0'
    endIpAddress: '0.0.0.0'
  }
}

// mssql-jdbc 12.2+: the pool identity's token; user= picks the user-assigned identity by its client id.
var jobsJdbcUrl = 'jdbc:sqlserver://${sqlServer.properties.fullyQualifiedDomainName}:1433;database=${jobsDatabaseName};encrypt=true;authentication=ActiveDirectoryManagedIdentity;user=${poolIdentity.properties.clientId}'

resource jobsDatabase 'Microsoft.Sql/servers/databases@2021-11-01' = {
  parent: sqlServer
  name: jobsDatabaseName
  location: location
  sku: {
    name: jobsDatabaseSku
  }
}

// --- Data Factory, signing in to Batch and storage as its own identity --------------------------------------------
resource factory 'Microsoft.DataFactory/factories@2018-06-01' = {
  name: '${namePrefix}-adf-${take(uniqueString(resourceGroup().id), 6)}'
  location: location
  identity: {
    type: 'SystemAssigned,UserAssigned'
    userAssignedIdentities: {
      '${factoryIdentity.id}': {}
    }
  }
  properties: {}
}

resource factoryCredential 'Microsoft.DataFactory/factories/credentials@2018-06-01' = {
  parent: factory
  name: 'TwinsyncFactoryIdentity'
  properties: {
    type: 'ManagedIdentity'
    typeProperties: {
      resourceId: factoryIdentity.id
    }
  }
}

// The linked services, dataset and pipeline are deploy/adf/'s files as they are: parameterised, they name no account.
resource storageLinkedService 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: adf.storage.name
  properties: adf.storage.properties
  dependsOn: [
    factoryCredential
  ]
}

resource batchLinkedService 'Microsoft.DataFactory/factories/linkedservices@2018-06-01' = {
  parent: factory
  name: adf.batch.name
  properties: adf.batch.properties
  dependsOn: [
    factoryCredential
    storageLinkedService
  ]
}

resource stagingArea 'Microsoft.DataFactory/factories/datasets@2018-06-01' = {
  parent: factory
  name: adf.stagingArea.name
  properties: adf.stagingArea.properties
  dependsOn: [
    storageLinkedService
  ]
}

resource factoryPipeline 'Microsoft.DataFactory/factories/pipelines@2018-06-01' = {
  parent: factory
  name: adf.pipeline.name
  properties: adf.pipeline.properties
  dependsOn: [
    batchLinkedService
    storageLinkedService
    stagingArea
  ]
}

// The pipeline's parameters on scheduled runs: what this template knows, then the caller's over it.
var scheduleParameters = union(
    {
      adtEndpoint: 'https://${twins.properties.hostName}'
      storageServiceEndpoint: 'https://${storage.name}.blob.${environment().suffixes.storage}'
      orchestratorFolderPath: orchestratorFolderPath
      writerFolderPath: writerFolderPath
      jobsJdbcUrl: jobsJdbcUrl
      batchAccountName: batch.name
      batchUri: 'https://${batch.properties.accountEndpoint}'
      batchPoolName: pool.name
    },
    pipelineParameters
  )

// The schedule, once the code is uploaded. Data Factory creates triggers stopped (`az datafactory trigger start`), and
// refuses to update a started one: stop it before deploying again (README.md).
resource schedule 'Microsoft.DataFactory/factories/triggers@2018-06-01' = if (!empty(orchestratorFolderPath) && !empty(writerFolderPath)) {
  parent: factory
  name: 'twinsync-schedule'
  properties: {
    type: 'ScheduleTrigger'
    typeProperties: {
      recurrence: {
        frequency: scheduleFrequency
        interval: scheduleInterval
        startTime: scheduleStart
        timeZone: 'UTC'
      }
    }
    pipelines: [
      {
        pipelineReference: {
          referenceName: factoryPipeline.name
          type: 'PipelineReference'
        }
        parameters: scheduleParameters
      }
    ]
  }
  dependsOn: [
    jobsDatabase
    sqlAllowAzure
  ]
}

// --- roles ----------------------------------------------------------------------------------------------------------
// The task on the pool: writes twins, reads and writes staging (and the archive, for the archive step).
resource poolTwinsOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: twins
  name: guid(twins.id, poolIdentity.id, roles.digitalTwinsDataOwner)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.digitalTwinsDataOwner)
    principalId: poolIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource poolBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, poolIdentity.id, roles.storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: poolIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Data Factory: submits jobs and tasks to the Batch account; stages the activity's files (the code folder, adfjobs).
resource factoryBatchContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: batch
  name: guid(batch.id, factoryIdentity.id, roles.contributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.contributor)
    principalId: factoryIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource factoryBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: storage
  name: guid(storage.id, factoryIdentity.id, roles.storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: factoryIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// The deployer (CI): uploads task zips to the code container with scripts/deploy-task-zip.sh.
resource deployerBlobContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(deployerPrincipalId)) {
  scope: storage
  name: guid(storage.id, deployerPrincipalId, roles.storageBlobDataContributor)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: deployerPrincipalId
    principalType: deployerPrincipalType
  }
}

output adtEndpoint string = 'https://${twins.properties.hostName}'
output storageAccountName string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output batchAccountName string = batch.name
output poolName string = pool.name
output poolIdentityClientId string = poolIdentity.properties.clientId
output dataFactoryName string = factory.name
output pipelineName string = factoryPipeline.name
output jobsJdbcUrl string = jobsJdbcUrl
output scheduleParameters object = scheduleParameters
output scheduleTriggerName string = !empty(orchestratorFolderPath) && !empty(writerFolderPath) ? schedule.name : ''
