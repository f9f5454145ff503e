/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ProjectFields on Project {\n    id\n    name\n    description\n    version\n    updatedAt\n    templateId\n    components {\n      id\n      componentId\n      label\n      position { x y }\n      config\n      pinnedOutput\n      # The config schema comes from the catalog (same normalised Component): a 500-node project must not carry it 500 times.\n      component { id name category icon color inputs { name type required } outputs { name type } }\n    }\n    connections { id sourceId sourcePort targetId targetPort }\n    validation { ...ValidationFields }\n  }\n": typeof types.ProjectFieldsFragmentDoc,
    "\n  fragment ValidationFields on ValidationReport {\n    valid\n    errors { code message nodeId connectionId port field }\n    warnings { code message nodeId connectionId port field }\n  }\n": typeof types.ValidationFieldsFragmentDoc,
    "\n  query Projects($first: Int) {\n    projects(first: $first) { totalCount nodes { id name description version updatedAt } }\n    templates { id name description categories sampleInputs nodes { id componentId config } }\n  }\n": typeof types.ProjectsDocument,
    "\n  query Project($id: ID!) {\n    project(id: $id) { ...ProjectFields }\n  }\n": typeof types.ProjectDocument,
    "\n  query ProjectChangesSince($id: ID!, $sinceVersion: Int!, $first: Int) {\n    project(id: $id) {\n      id\n      name\n      description\n      version\n      updatedAt\n      templateId\n      validation { ...ValidationFields }\n      changes(sinceVersion: $sinceVersion, first: $first) { version actor op payload }\n    }\n  }\n": typeof types.ProjectChangesSinceDocument,
    "\n  query Catalog {\n    categories\n    components { id name category description icon color inputs { name type required } outputs { name type } configSchema expressionFields { pointer kind scope } }\n  }\n": typeof types.CatalogDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id name version }\n  }\n": typeof types.CreateProjectDocument,
    "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id) { id deleted }\n  }\n": typeof types.DeleteProjectDocument,
    "\n  mutation RenameProject($id: ID!, $name: String!) {\n    updateProject(id: $id, input: { name: $name }) { id name version }\n  }\n": typeof types.RenameProjectDocument,
    "\n  mutation AddComponent($projectId: ID!, $componentId: ID!, $position: PositionInput, $expectedVersion: Int) {\n    addComponent(projectId: $projectId, componentId: $componentId, position: $position, expectedVersion: $expectedVersion) {\n      component { id }\n      project { ...ProjectFields }\n    }\n  }\n": typeof types.AddComponentDocument,
    "\n  mutation MoveComponent($projectId: ID!, $nodeId: ID!, $position: PositionInput!) {\n    moveComponent(projectId: $projectId, nodeId: $nodeId, position: $position) { project { ...ProjectFields } }\n  }\n": typeof types.MoveComponentDocument,
    "\n  mutation UpdateConfig($projectId: ID!, $nodeId: ID!, $config: JSON, $label: String, $expectedVersion: Int) {\n    updateComponentConfig(projectId: $projectId, nodeId: $nodeId, config: $config, label: $label, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": typeof types.UpdateConfigDocument,
    "\n  mutation ApplyEdits($projectId: ID!, $edits: [GraphEditInput!]!, $expectedVersion: Int) {\n    applyGraphEdits(projectId: $projectId, edits: $edits, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": typeof types.ApplyEditsDocument,
    "\n  mutation RemoveComponent($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {\n    removeComponent(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": typeof types.RemoveComponentDocument,
    "\n  mutation Disconnect($projectId: ID!, $connectionId: ID!, $expectedVersion: Int) {\n    disconnect(projectId: $projectId, connectionId: $connectionId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": typeof types.DisconnectDocument,
    "\n  mutation Connect($projectId: ID!, $sourceId: ID!, $sourcePort: String!, $targetId: ID!, $targetPort: String!, $expectedVersion: Int) {\n    connect(projectId: $projectId, sourceId: $sourceId, sourcePort: $sourcePort, targetId: $targetId, targetPort: $targetPort, expectedVersion: $expectedVersion) {\n      connection { id }\n      project { ...ProjectFields }\n    }\n  }\n": typeof types.ConnectDocument,
    "\n  subscription ProjectChanged($projectId: ID!, $sinceVersion: Int) {\n    projectChanged(projectId: $projectId, sinceVersion: $sinceVersion) {\n      version\n      actor\n      op\n      replayed\n      project { ...ProjectFields }\n    }\n  }\n": typeof types.ProjectChangedDocument,
    "\n  subscription Presence($projectId: ID!) {\n    presence(projectId: $projectId) { kind entries { userId name selection cursor { x y } updatedAt } }\n  }\n": typeof types.PresenceDocument,
    "\n  mutation UpdatePresence($projectId: ID!, $selection: [ID!], $cursor: PositionInput) {\n    updatePresence(projectId: $projectId, selection: $selection, cursor: $cursor) { userId }\n  }\n": typeof types.UpdatePresenceDocument,
    "\n  mutation ExecuteWorkflow($projectId: ID!, $inputs: JSON, $fromNodeId: ID, $usePinned: Boolean) {\n    executeWorkflow(projectId: $projectId, inputs: $inputs, mode: ASYNC, fromNodeId: $fromNodeId, usePinned: $usePinned) { id status }\n  }\n": typeof types.ExecuteWorkflowDocument,
    "\n  mutation PinNodeOutput($projectId: ID!, $nodeId: ID!, $output: JSON!, $expectedVersion: Int) {\n    pinNodeOutput(projectId: $projectId, nodeId: $nodeId, output: $output, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": typeof types.PinNodeOutputDocument,
    "\n  mutation UnpinNodeOutput($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {\n    unpinNodeOutput(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": typeof types.UnpinNodeOutputDocument,
    "\n  subscription RunEvents($runId: ID!) {\n    runEvents(runId: $runId) {\n      type\n      nodeId\n      frames\n      status\n      outputs\n      error { code message }\n      durationMs\n      run { id status outputs error { code message } durationMs steps { nodeId frames status inputs outputs error { code message } durationMs } }\n    }\n  }\n": typeof types.RunEventsDocument,
    "\n  query RunHistory($id: ID!) {\n    project(id: $id) { id runs(first: 10) { id status createdAt durationMs } }\n  }\n": typeof types.RunHistoryDocument,
    "\n  query Languages {\n    languages { id name fileExtension implemented }\n  }\n": typeof types.LanguagesDocument,
    "\n  mutation GenerateCode($projectId: ID!, $language: String!) {\n    generateCode(projectId: $projectId, language: $language) { id language mainFile code lines files { path } }\n  }\n": typeof types.GenerateCodeDocument,
    "\n  mutation StartDebug($projectId: ID!, $inputs: JSON, $breakpoints: [BreakpointInput!], $watches: [String!]) {\n    startDebugSession(projectId: $projectId, inputs: $inputs, breakpoints: $breakpoints, watches: $watches) { ...DebugFields }\n  }\n": typeof types.StartDebugDocument,
    "\n  fragment DebugFields on DebugSession {\n    id\n    state\n    pauseReason\n    currentNodeId\n    currentInputs\n    outputs\n    error { code message }\n    callStack { nodeId componentId iteration depth }\n    variables { nodeId inputs outputs }\n    breakpoints { nodeId condition enabled hitCount }\n    watches { id expression value error }\n  }\n": typeof types.DebugFieldsFragmentDoc,
    "\n  mutation AddWatch($sessionId: ID!, $expression: String!) {\n    addWatch(sessionId: $sessionId, expression: $expression) { id expression value error }\n  }\n": typeof types.AddWatchDocument,
    "\n  mutation RemoveWatch($sessionId: ID!, $watchId: ID!) {\n    removeWatch(sessionId: $sessionId, watchId: $watchId) { ...DebugFields }\n  }\n": typeof types.RemoveWatchDocument,
    "\n  mutation SetVariable($sessionId: ID!, $nodeId: ID!, $port: String!, $value: JSON) {\n    setVariable(sessionId: $sessionId, nodeId: $nodeId, port: $port, value: $value) { ...DebugFields }\n  }\n": typeof types.SetVariableDocument,
    "\n  mutation DebugStep($sessionId: ID!, $action: DebugAction!) {\n    debugStep(sessionId: $sessionId, action: $action) { ...DebugFields }\n  }\n": typeof types.DebugStepDocument,
    "\n  mutation SetBreakpoint($sessionId: ID!, $nodeId: ID!, $condition: String) {\n    setBreakpoint(sessionId: $sessionId, nodeId: $nodeId, condition: $condition) { nodeId }\n  }\n": typeof types.SetBreakpointDocument,
    "\n  mutation RemoveBreakpoint($sessionId: ID!, $nodeId: ID!) {\n    removeBreakpoint(sessionId: $sessionId, nodeId: $nodeId) { id }\n  }\n": typeof types.RemoveBreakpointDocument,
    "\n  subscription DebugEvents($sessionId: ID!) {\n    debugEvents(sessionId: $sessionId) { seq type state nodeId reason session { ...DebugFields } }\n  }\n": typeof types.DebugEventsDocument,
    "\n  mutation Deploy($projectId: ID!, $target: DeploymentTarget!, $environment: String!) {\n    deploy(projectId: $projectId, target: $target, environment: $environment) { id status target environment endpoint }\n  }\n": typeof types.DeployDocument,
    "\n  subscription DeploymentEvents($deploymentId: ID!) {\n    deploymentEvents(deploymentId: $deploymentId) { status reason endpoint logs deployment { id status endpoint error } }\n  }\n": typeof types.DeploymentEventsDocument,
    "\n  mutation StopDeployment($id: ID!) {\n    stopDeployment(id: $id) { id status }\n  }\n": typeof types.StopDeploymentDocument,
    "\n  mutation AnalyzeProject($projectId: ID!) {\n    analyzeProject(projectId: $projectId) { id title message severity nodeIds patch status }\n  }\n": typeof types.AnalyzeProjectDocument,
    "\n  mutation ApplySuggestion($id: ID!) {\n    applySuggestion(id: $id) { suggestion { id status } project { ...ProjectFields } }\n  }\n": typeof types.ApplySuggestionDocument,
    "\n  mutation AskAssistant($projectId: ID!, $query: String!) {\n    askAssistant(projectId: $projectId, query: $query) { category suggestion }\n  }\n": typeof types.AskAssistantDocument,
    "\n  mutation RollbackDeployment($id: ID!) {\n    rollbackDeployment(id: $id) { id status target environment endpoint rollbackOf }\n  }\n": typeof types.RollbackDeploymentDocument,
    "\n  query ProjectDeployments($projectId: ID!) {\n    deployments(projectId: $projectId, first: 10) { id status target environment projectVersion rollbackOf createdAt }\n  }\n": typeof types.ProjectDeploymentsDocument,
    "\n  mutation Undo($projectId: ID!, $expectedVersion: Int) {\n    undo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }\n  }\n": typeof types.UndoDocument,
    "\n  mutation Redo($projectId: ID!, $expectedVersion: Int) {\n    redo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }\n  }\n": typeof types.RedoDocument,
    "\n  mutation DuplicateNodes($projectId: ID!, $nodeIds: [ID!]!, $expectedVersion: Int) {\n    duplicateNodes(projectId: $projectId, nodeIds: $nodeIds, expectedVersion: $expectedVersion) { idMap project { ...ProjectFields } }\n  }\n": typeof types.DuplicateNodesDocument,
    "\n  query ExportProject($id: ID!) {\n    exportProject(id: $id)\n  }\n": typeof types.ExportProjectDocument,
    "\n  mutation ImportProject($document: JSON!, $name: String) {\n    importProject(document: $document, name: $name) { id name version }\n  }\n": typeof types.ImportProjectDocument,
};
const documents: Documents = {
    "\n  fragment ProjectFields on Project {\n    id\n    name\n    description\n    version\n    updatedAt\n    templateId\n    components {\n      id\n      componentId\n      label\n      position { x y }\n      config\n      pinnedOutput\n      # The config schema comes from the catalog (same normalised Component): a 500-node project must not carry it 500 times.\n      component { id name category icon color inputs { name type required } outputs { name type } }\n    }\n    connections { id sourceId sourcePort targetId targetPort }\n    validation { ...ValidationFields }\n  }\n": types.ProjectFieldsFragmentDoc,
    "\n  fragment ValidationFields on ValidationReport {\n    valid\n    errors { code message nodeId connectionId port field }\n    warnings { code message nodeId connectionId port field }\n  }\n": types.ValidationFieldsFragmentDoc,
    "\n  query Projects($first: Int) {\n    projects(first: $first) { totalCount nodes { id name description version updatedAt } }\n    templates { id name description categories sampleInputs nodes { id componentId config } }\n  }\n": types.ProjectsDocument,
    "\n  query Project($id: ID!) {\n    project(id: $id) { ...ProjectFields }\n  }\n": types.ProjectDocument,
    "\n  query ProjectChangesSince($id: ID!, $sinceVersion: Int!, $first: Int) {\n    project(id: $id) {\n      id\n      name\n      description\n      version\n      updatedAt\n      templateId\n      validation { ...ValidationFields }\n      changes(sinceVersion: $sinceVersion, first: $first) { version actor op payload }\n    }\n  }\n": types.ProjectChangesSinceDocument,
    "\n  query Catalog {\n    categories\n    components { id name category description icon color inputs { name type required } outputs { name type } configSchema expressionFields { pointer kind scope } }\n  }\n": types.CatalogDocument,
    "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id name version }\n  }\n": types.CreateProjectDocument,
    "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id) { id deleted }\n  }\n": types.DeleteProjectDocument,
    "\n  mutation RenameProject($id: ID!, $name: String!) {\n    updateProject(id: $id, input: { name: $name }) { id name version }\n  }\n": types.RenameProjectDocument,
    "\n  mutation AddComponent($projectId: ID!, $componentId: ID!, $position: PositionInput, $expectedVersion: Int) {\n    addComponent(projectId: $projectId, componentId: $componentId, position: $position, expectedVersion: $expectedVersion) {\n      component { id }\n      project { ...ProjectFields }\n    }\n  }\n": types.AddComponentDocument,
    "\n  mutation MoveComponent($projectId: ID!, $nodeId: ID!, $position: PositionInput!) {\n    moveComponent(projectId: $projectId, nodeId: $nodeId, position: $position) { project { ...ProjectFields } }\n  }\n": types.MoveComponentDocument,
    "\n  mutation UpdateConfig($projectId: ID!, $nodeId: ID!, $config: JSON, $label: String, $expectedVersion: Int) {\n    updateComponentConfig(projectId: $projectId, nodeId: $nodeId, config: $config, label: $label, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": types.UpdateConfigDocument,
    "\n  mutation ApplyEdits($projectId: ID!, $edits: [GraphEditInput!]!, $expectedVersion: Int) {\n    applyGraphEdits(projectId: $projectId, edits: $edits, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": types.ApplyEditsDocument,
    "\n  mutation RemoveComponent($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {\n    removeComponent(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": types.RemoveComponentDocument,
    "\n  mutation Disconnect($projectId: ID!, $connectionId: ID!, $expectedVersion: Int) {\n    disconnect(projectId: $projectId, connectionId: $connectionId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": types.DisconnectDocument,
    "\n  mutation Connect($projectId: ID!, $sourceId: ID!, $sourcePort: String!, $targetId: ID!, $targetPort: String!, $expectedVersion: Int) {\n    connect(projectId: $projectId, sourceId: $sourceId, sourcePort: $sourcePort, targetId: $targetId, targetPort: $targetPort, expectedVersion: $expectedVersion) {\n      connection { id }\n      project { ...ProjectFields }\n    }\n  }\n": types.ConnectDocument,
    "\n  subscription ProjectChanged($projectId: ID!, $sinceVersion: Int) {\n    projectChanged(projectId: $projectId, sinceVersion: $sinceVersion) {\n      version\n      actor\n      op\n      replayed\n      project { ...ProjectFields }\n    }\n  }\n": types.ProjectChangedDocument,
    "\n  subscription Presence($projectId: ID!) {\n    presence(projectId: $projectId) { kind entries { userId name selection cursor { x y } updatedAt } }\n  }\n": types.PresenceDocument,
    "\n  mutation UpdatePresence($projectId: ID!, $selection: [ID!], $cursor: PositionInput) {\n    updatePresence(projectId: $projectId, selection: $selection, cursor: $cursor) { userId }\n  }\n": types.UpdatePresenceDocument,
    "\n  mutation ExecuteWorkflow($projectId: ID!, $inputs: JSON, $fromNodeId: ID, $usePinned: Boolean) {\n    executeWorkflow(projectId: $projectId, inputs: $inputs, mode: ASYNC, fromNodeId: $fromNodeId, usePinned: $usePinned) { id status }\n  }\n": types.ExecuteWorkflowDocument,
    "\n  mutation PinNodeOutput($projectId: ID!, $nodeId: ID!, $output: JSON!, $expectedVersion: Int) {\n    pinNodeOutput(projectId: $projectId, nodeId: $nodeId, output: $output, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": types.PinNodeOutputDocument,
    "\n  mutation UnpinNodeOutput($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {\n    unpinNodeOutput(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n": types.UnpinNodeOutputDocument,
    "\n  subscription RunEvents($runId: ID!) {\n    runEvents(runId: $runId) {\n      type\n      nodeId\n      frames\n      status\n      outputs\n      error { code message }\n      durationMs\n      run { id status outputs error { code message } durationMs steps { nodeId frames status inputs outputs error { code message } durationMs } }\n    }\n  }\n": types.RunEventsDocument,
    "\n  query RunHistory($id: ID!) {\n    project(id: $id) { id runs(first: 10) { id status createdAt durationMs } }\n  }\n": types.RunHistoryDocument,
    "\n  query Languages {\n    languages { id name fileExtension implemented }\n  }\n": types.LanguagesDocument,
    "\n  mutation GenerateCode($projectId: ID!, $language: String!) {\n    generateCode(projectId: $projectId, language: $language) { id language mainFile code lines files { path } }\n  }\n": types.GenerateCodeDocument,
    "\n  mutation StartDebug($projectId: ID!, $inputs: JSON, $breakpoints: [BreakpointInput!], $watches: [String!]) {\n    startDebugSession(projectId: $projectId, inputs: $inputs, breakpoints: $breakpoints, watches: $watches) { ...DebugFields }\n  }\n": types.StartDebugDocument,
    "\n  fragment DebugFields on DebugSession {\n    id\n    state\n    pauseReason\n    currentNodeId\n    currentInputs\n    outputs\n    error { code message }\n    callStack { nodeId componentId iteration depth }\n    variables { nodeId inputs outputs }\n    breakpoints { nodeId condition enabled hitCount }\n    watches { id expression value error }\n  }\n": types.DebugFieldsFragmentDoc,
    "\n  mutation AddWatch($sessionId: ID!, $expression: String!) {\n    addWatch(sessionId: $sessionId, expression: $expression) { id expression value error }\n  }\n": types.AddWatchDocument,
    "\n  mutation RemoveWatch($sessionId: ID!, $watchId: ID!) {\n    removeWatch(sessionId: $sessionId, watchId: $watchId) { ...DebugFields }\n  }\n": types.RemoveWatchDocument,
    "\n  mutation SetVariable($sessionId: ID!, $nodeId: ID!, $port: String!, $value: JSON) {\n    setVariable(sessionId: $sessionId, nodeId: $nodeId, port: $port, value: $value) { ...DebugFields }\n  }\n": types.SetVariableDocument,
    "\n  mutation DebugStep($sessionId: ID!, $action: DebugAction!) {\n    debugStep(sessionId: $sessionId, action: $action) { ...DebugFields }\n  }\n": types.DebugStepDocument,
    "\n  mutation SetBreakpoint($sessionId: ID!, $nodeId: ID!, $condition: String) {\n    setBreakpoint(sessionId: $sessionId, nodeId: $nodeId, condition: $condition) { nodeId }\n  }\n": types.SetBreakpointDocument,
    "\n  mutation RemoveBreakpoint($sessionId: ID!, $nodeId: ID!) {\n    removeBreakpoint(sessionId: $sessionId, nodeId: $nodeId) { id }\n  }\n": types.RemoveBreakpointDocument,
    "\n  subscription DebugEvents($sessionId: ID!) {\n    debugEvents(sessionId: $sessionId) { seq type state nodeId reason session { ...DebugFields } }\n  }\n": types.DebugEventsDocument,
    "\n  mutation Deploy($projectId: ID!, $target: DeploymentTarget!, $environment: String!) {\n    deploy(projectId: $projectId, target: $target, environment: $environment) { id status target environment endpoint }\n  }\n": types.DeployDocument,
    "\n  subscription DeploymentEvents($deploymentId: ID!) {\n    deploymentEvents(deploymentId: $deploymentId) { status reason endpoint logs deployment { id status endpoint error } }\n  }\n": types.DeploymentEventsDocument,
    "\n  mutation StopDeployment($id: ID!) {\n    stopDeployment(id: $id) { id status }\n  }\n": types.StopDeploymentDocument,
    "\n  mutation AnalyzeProject($projectId: ID!) {\n    analyzeProject(projectId: $projectId) { id title message severity nodeIds patch status }\n  }\n": types.AnalyzeProjectDocument,
    "\n  mutation ApplySuggestion($id: ID!) {\n    applySuggestion(id: $id) { suggestion { id status } project { ...ProjectFields } }\n  }\n": types.ApplySuggestionDocument,
    "\n  mutation AskAssistant($projectId: ID!, $query: String!) {\n    askAssistant(projectId: $projectId, query: $query) { category suggestion }\n  }\n": types.AskAssistantDocument,
    "\n  mutation RollbackDeployment($id: ID!) {\n    rollbackDeployment(id: $id) { id status target environment endpoint rollbackOf }\n  }\n": types.RollbackDeploymentDocument,
    "\n  query ProjectDeployments($projectId: ID!) {\n    deployments(projectId: $projectId, first: 10) { id status target environment projectVersion rollbackOf createdAt }\n  }\n": types.ProjectDeploymentsDocument,
    "\n  mutation Undo($projectId: ID!, $expectedVersion: Int) {\n    undo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }\n  }\n": types.UndoDocument,
    "\n  mutation Redo($projectId: ID!, $expectedVersion: Int) {\n    redo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }\n  }\n": types.RedoDocument,
    "\n  mutation DuplicateNodes($projectId: ID!, $nodeIds: [ID!]!, $expectedVersion: Int) {\n    duplicateNodes(projectId: $projectId, nodeIds: $nodeIds, expectedVersion: $expectedVersion) { idMap project { ...ProjectFields } }\n  }\n": types.DuplicateNodesDocument,
    "\n  query ExportProject($id: ID!) {\n    exportProject(id: $id)\n  }\n": types.ExportProjectDocument,
    "\n  mutation ImportProject($document: JSON!, $name: String) {\n    importProject(document: $document, name: $name) { id name version }\n  }\n": types.ImportProjectDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ProjectFields on Project {\n    id\n    name\n    description\n    version\n    updatedAt\n    templateId\n    components {\n      id\n      componentId\n      label\n      position { x y }\n      config\n      pinnedOutput\n      # The config schema comes from the catalog (same normalised Component): a 500-node project must not carry it 500 times.\n      component { id name category icon color inputs { name type required } outputs { name type } }\n    }\n    connections { id sourceId sourcePort targetId targetPort }\n    validation { ...ValidationFields }\n  }\n"): (typeof documents)["\n  fragment ProjectFields on Project {\n    id\n    name\n    description\n    version\n    updatedAt\n    templateId\n    components {\n      id\n      componentId\n      label\n      position { x y }\n      config\n      pinnedOutput\n      # The config schema comes from the catalog (same normalised Component): a 500-node project must not carry it 500 times.\n      component { id name category icon color inputs { name type required } outputs { name type } }\n    }\n    connections { id sourceId sourcePort targetId targetPort }\n    validation { ...ValidationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ValidationFields on ValidationReport {\n    valid\n    errors { code message nodeId connectionId port field }\n    warnings { code message nodeId connectionId port field }\n  }\n"): (typeof documents)["\n  fragment ValidationFields on ValidationReport {\n    valid\n    errors { code message nodeId connectionId port field }\n    warnings { code message nodeId connectionId port field }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Projects($first: Int) {\n    projects(first: $first) { totalCount nodes { id name description version updatedAt } }\n    templates { id name description categories sampleInputs nodes { id componentId config } }\n  }\n"): (typeof documents)["\n  query Projects($first: Int) {\n    projects(first: $first) { totalCount nodes { id name description version updatedAt } }\n    templates { id name description categories sampleInputs nodes { id componentId config } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Project($id: ID!) {\n    project(id: $id) { ...ProjectFields }\n  }\n"): (typeof documents)["\n  query Project($id: ID!) {\n    project(id: $id) { ...ProjectFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectChangesSince($id: ID!, $sinceVersion: Int!, $first: Int) {\n    project(id: $id) {\n      id\n      name\n      description\n      version\n      updatedAt\n      templateId\n      validation { ...ValidationFields }\n      changes(sinceVersion: $sinceVersion, first: $first) { version actor op payload }\n    }\n  }\n"): (typeof documents)["\n  query ProjectChangesSince($id: ID!, $sinceVersion: Int!, $first: Int) {\n    project(id: $id) {\n      id\n      name\n      description\n      version\n      updatedAt\n      templateId\n      validation { ...ValidationFields }\n      changes(sinceVersion: $sinceVersion, first: $first) { version actor op payload }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    categories\n    components { id name category description icon color inputs { name type required } outputs { name type } configSchema expressionFields { pointer kind scope } }\n  }\n"): (typeof documents)["\n  query Catalog {\n    categories\n    components { id name category description icon color inputs { name type required } outputs { name type } configSchema expressionFields { pointer kind scope } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id name version }\n  }\n"): (typeof documents)["\n  mutation CreateProject($input: CreateProjectInput!) {\n    createProject(input: $input) { id name version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id) { id deleted }\n  }\n"): (typeof documents)["\n  mutation DeleteProject($id: ID!) {\n    deleteProject(id: $id) { id deleted }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameProject($id: ID!, $name: String!) {\n    updateProject(id: $id, input: { name: $name }) { id name version }\n  }\n"): (typeof documents)["\n  mutation RenameProject($id: ID!, $name: String!) {\n    updateProject(id: $id, input: { name: $name }) { id name version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddComponent($projectId: ID!, $componentId: ID!, $position: PositionInput, $expectedVersion: Int) {\n    addComponent(projectId: $projectId, componentId: $componentId, position: $position, expectedVersion: $expectedVersion) {\n      component { id }\n      project { ...ProjectFields }\n    }\n  }\n"): (typeof documents)["\n  mutation AddComponent($projectId: ID!, $componentId: ID!, $position: PositionInput, $expectedVersion: Int) {\n    addComponent(projectId: $projectId, componentId: $componentId, position: $position, expectedVersion: $expectedVersion) {\n      component { id }\n      project { ...ProjectFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MoveComponent($projectId: ID!, $nodeId: ID!, $position: PositionInput!) {\n    moveComponent(projectId: $projectId, nodeId: $nodeId, position: $position) { project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation MoveComponent($projectId: ID!, $nodeId: ID!, $position: PositionInput!) {\n    moveComponent(projectId: $projectId, nodeId: $nodeId, position: $position) { project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateConfig($projectId: ID!, $nodeId: ID!, $config: JSON, $label: String, $expectedVersion: Int) {\n    updateComponentConfig(projectId: $projectId, nodeId: $nodeId, config: $config, label: $label, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation UpdateConfig($projectId: ID!, $nodeId: ID!, $config: JSON, $label: String, $expectedVersion: Int) {\n    updateComponentConfig(projectId: $projectId, nodeId: $nodeId, config: $config, label: $label, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplyEdits($projectId: ID!, $edits: [GraphEditInput!]!, $expectedVersion: Int) {\n    applyGraphEdits(projectId: $projectId, edits: $edits, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation ApplyEdits($projectId: ID!, $edits: [GraphEditInput!]!, $expectedVersion: Int) {\n    applyGraphEdits(projectId: $projectId, edits: $edits, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveComponent($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {\n    removeComponent(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation RemoveComponent($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {\n    removeComponent(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Disconnect($projectId: ID!, $connectionId: ID!, $expectedVersion: Int) {\n    disconnect(projectId: $projectId, connectionId: $connectionId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation Disconnect($projectId: ID!, $connectionId: ID!, $expectedVersion: Int) {\n    disconnect(projectId: $projectId, connectionId: $connectionId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Connect($projectId: ID!, $sourceId: ID!, $sourcePort: String!, $targetId: ID!, $targetPort: String!, $expectedVersion: Int) {\n    connect(projectId: $projectId, sourceId: $sourceId, sourcePort: $sourcePort, targetId: $targetId, targetPort: $targetPort, expectedVersion: $expectedVersion) {\n      connection { id }\n      project { ...ProjectFields }\n    }\n  }\n"): (typeof documents)["\n  mutation Connect($projectId: ID!, $sourceId: ID!, $sourcePort: String!, $targetId: ID!, $targetPort: String!, $expectedVersion: Int) {\n    connect(projectId: $projectId, sourceId: $sourceId, sourcePort: $sourcePort, targetId: $targetId, targetPort: $targetPort, expectedVersion: $expectedVersion) {\n      connection { id }\n      project { ...ProjectFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ProjectChanged($projectId: ID!, $sinceVersion: Int) {\n    projectChanged(projectId: $projectId, sinceVersion: $sinceVersion) {\n      version\n      actor\n      op\n      replayed\n      project { ...ProjectFields }\n    }\n  }\n"): (typeof documents)["\n  subscription ProjectChanged($projectId: ID!, $sinceVersion: Int) {\n    projectChanged(projectId: $projectId, sinceVersion: $sinceVersion) {\n      version\n      actor\n      op\n      replayed\n      project { ...ProjectFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription Presence($projectId: ID!) {\n    presence(projectId: $projectId) { kind entries { userId name selection cursor { x y } updatedAt } }\n  }\n"): (typeof documents)["\n  subscription Presence($projectId: ID!) {\n    presence(projectId: $projectId) { kind entries { userId name selection cursor { x y } updatedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdatePresence($projectId: ID!, $selection: [ID!], $cursor: PositionInput) {\n    updatePresence(projectId: $projectId, selection: $selection, cursor: $cursor) { userId }\n  }\n"): (typeof documents)["\n  mutation UpdatePresence($projectId: ID!, $selection: [ID!], $cursor: PositionInput) {\n    updatePresence(projectId: $projectId, selection: $selection, cursor: $cursor) { userId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExecuteWorkflow($projectId: ID!, $inputs: JSON, $fromNodeId: ID, $usePinned: Boolean) {\n    executeWorkflow(projectId: $projectId, inputs: $inputs, mode: ASYNC, fromNodeId: $fromNodeId, usePinned: $usePinned) { id status }\n  }\n"): (typeof documents)["\n  mutation ExecuteWorkflow($projectId: ID!, $inputs: JSON, $fromNodeId: ID, $usePinned: Boolean) {\n    executeWorkflow(projectId: $projectId, inputs: $inputs, mode: ASYNC, fromNodeId: $fromNodeId, usePinned: $usePinned) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PinNodeOutput($projectId: ID!, $nodeId: ID!, $output: JSON!, $expectedVersion: Int) {\n    pinNodeOutput(projectId: $projectId, nodeId: $nodeId, output: $output, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation PinNodeOutput($projectId: ID!, $nodeId: ID!, $output: JSON!, $expectedVersion: Int) {\n    pinNodeOutput(projectId: $projectId, nodeId: $nodeId, output: $output, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnpinNodeOutput($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {\n    unpinNodeOutput(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation UnpinNodeOutput($projectId: ID!, $nodeId: ID!, $expectedVersion: Int) {\n    unpinNodeOutput(projectId: $projectId, nodeId: $nodeId, expectedVersion: $expectedVersion) { project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunEvents($runId: ID!) {\n    runEvents(runId: $runId) {\n      type\n      nodeId\n      frames\n      status\n      outputs\n      error { code message }\n      durationMs\n      run { id status outputs error { code message } durationMs steps { nodeId frames status inputs outputs error { code message } durationMs } }\n    }\n  }\n"): (typeof documents)["\n  subscription RunEvents($runId: ID!) {\n    runEvents(runId: $runId) {\n      type\n      nodeId\n      frames\n      status\n      outputs\n      error { code message }\n      durationMs\n      run { id status outputs error { code message } durationMs steps { nodeId frames status inputs outputs error { code message } durationMs } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunHistory($id: ID!) {\n    project(id: $id) { id runs(first: 10) { id status createdAt durationMs } }\n  }\n"): (typeof documents)["\n  query RunHistory($id: ID!) {\n    project(id: $id) { id runs(first: 10) { id status createdAt durationMs } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Languages {\n    languages { id name fileExtension implemented }\n  }\n"): (typeof documents)["\n  query Languages {\n    languages { id name fileExtension implemented }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GenerateCode($projectId: ID!, $language: String!) {\n    generateCode(projectId: $projectId, language: $language) { id language mainFile code lines files { path } }\n  }\n"): (typeof documents)["\n  mutation GenerateCode($projectId: ID!, $language: String!) {\n    generateCode(projectId: $projectId, language: $language) { id language mainFile code lines files { path } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartDebug($projectId: ID!, $inputs: JSON, $breakpoints: [BreakpointInput!], $watches: [String!]) {\n    startDebugSession(projectId: $projectId, inputs: $inputs, breakpoints: $breakpoints, watches: $watches) { ...DebugFields }\n  }\n"): (typeof documents)["\n  mutation StartDebug($projectId: ID!, $inputs: JSON, $breakpoints: [BreakpointInput!], $watches: [String!]) {\n    startDebugSession(projectId: $projectId, inputs: $inputs, breakpoints: $breakpoints, watches: $watches) { ...DebugFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DebugFields on DebugSession {\n    id\n    state\n    pauseReason\n    currentNodeId\n    currentInputs\n    outputs\n    error { code message }\n    callStack { nodeId componentId iteration depth }\n    variables { nodeId inputs outputs }\n    breakpoints { nodeId condition enabled hitCount }\n    watches { id expression value error }\n  }\n"): (typeof documents)["\n  fragment DebugFields on DebugSession {\n    id\n    state\n    pauseReason\n    currentNodeId\n    currentInputs\n    outputs\n    error { code message }\n    callStack { nodeId componentId iteration depth }\n    variables { nodeId inputs outputs }\n    breakpoints { nodeId condition enabled hitCount }\n    watches { id expression value error }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddWatch($sessionId: ID!, $expression: String!) {\n    addWatch(sessionId: $sessionId, expression: $expression) { id expression value error }\n  }\n"): (typeof documents)["\n  mutation AddWatch($sessionId: ID!, $expression: String!) {\n    addWatch(sessionId: $sessionId, expression: $expression) { id expression value error }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveWatch($sessionId: ID!, $watchId: ID!) {\n    removeWatch(sessionId: $sessionId, watchId: $watchId) { ...DebugFields }\n  }\n"): (typeof documents)["\n  mutation RemoveWatch($sessionId: ID!, $watchId: ID!) {\n    removeWatch(sessionId: $sessionId, watchId: $watchId) { ...DebugFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetVariable($sessionId: ID!, $nodeId: ID!, $port: String!, $value: JSON) {\n    setVariable(sessionId: $sessionId, nodeId: $nodeId, port: $port, value: $value) { ...DebugFields }\n  }\n"): (typeof documents)["\n  mutation SetVariable($sessionId: ID!, $nodeId: ID!, $port: String!, $value: JSON) {\n    setVariable(sessionId: $sessionId, nodeId: $nodeId, port: $port, value: $value) { ...DebugFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DebugStep($sessionId: ID!, $action: DebugAction!) {\n    debugStep(sessionId: $sessionId, action: $action) { ...DebugFields }\n  }\n"): (typeof documents)["\n  mutation DebugStep($sessionId: ID!, $action: DebugAction!) {\n    debugStep(sessionId: $sessionId, action: $action) { ...DebugFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBreakpoint($sessionId: ID!, $nodeId: ID!, $condition: String) {\n    setBreakpoint(sessionId: $sessionId, nodeId: $nodeId, condition: $condition) { nodeId }\n  }\n"): (typeof documents)["\n  mutation SetBreakpoint($sessionId: ID!, $nodeId: ID!, $condition: String) {\n    setBreakpoint(sessionId: $sessionId, nodeId: $nodeId, condition: $condition) { nodeId }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveBreakpoint($sessionId: ID!, $nodeId: ID!) {\n    removeBreakpoint(sessionId: $sessionId, nodeId: $nodeId) { id }\n  }\n"): (typeof documents)["\n  mutation RemoveBreakpoint($sessionId: ID!, $nodeId: ID!) {\n    removeBreakpoint(sessionId: $sessionId, nodeId: $nodeId) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DebugEvents($sessionId: ID!) {\n    debugEvents(sessionId: $sessionId) { seq type state nodeId reason session { ...DebugFields } }\n  }\n"): (typeof documents)["\n  subscription DebugEvents($sessionId: ID!) {\n    debugEvents(sessionId: $sessionId) { seq type state nodeId reason session { ...DebugFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Deploy($projectId: ID!, $target: DeploymentTarget!, $environment: String!) {\n    deploy(projectId: $projectId, target: $target, environment: $environment) { id status target environment endpoint }\n  }\n"): (typeof documents)["\n  mutation Deploy($projectId: ID!, $target: DeploymentTarget!, $environment: String!) {\n    deploy(projectId: $projectId, target: $target, environment: $environment) { id status target environment endpoint }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DeploymentEvents($deploymentId: ID!) {\n    deploymentEvents(deploymentId: $deploymentId) { status reason endpoint logs deployment { id status endpoint error } }\n  }\n"): (typeof documents)["\n  subscription DeploymentEvents($deploymentId: ID!) {\n    deploymentEvents(deploymentId: $deploymentId) { status reason endpoint logs deployment { id status endpoint error } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StopDeployment($id: ID!) {\n    stopDeployment(id: $id) { id status }\n  }\n"): (typeof documents)["\n  mutation StopDeployment($id: ID!) {\n    stopDeployment(id: $id) { id status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AnalyzeProject($projectId: ID!) {\n    analyzeProject(projectId: $projectId) { id title message severity nodeIds patch status }\n  }\n"): (typeof documents)["\n  mutation AnalyzeProject($projectId: ID!) {\n    analyzeProject(projectId: $projectId) { id title message severity nodeIds patch status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApplySuggestion($id: ID!) {\n    applySuggestion(id: $id) { suggestion { id status } project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation ApplySuggestion($id: ID!) {\n    applySuggestion(id: $id) { suggestion { id status } project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskAssistant($projectId: ID!, $query: String!) {\n    askAssistant(projectId: $projectId, query: $query) { category suggestion }\n  }\n"): (typeof documents)["\n  mutation AskAssistant($projectId: ID!, $query: String!) {\n    askAssistant(projectId: $projectId, query: $query) { category suggestion }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RollbackDeployment($id: ID!) {\n    rollbackDeployment(id: $id) { id status target environment endpoint rollbackOf }\n  }\n"): (typeof documents)["\n  mutation RollbackDeployment($id: ID!) {\n    rollbackDeployment(id: $id) { id status target environment endpoint rollbackOf }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectDeployments($projectId: ID!) {\n    deployments(projectId: $projectId, first: 10) { id status target environment projectVersion rollbackOf createdAt }\n  }\n"): (typeof documents)["\n  query ProjectDeployments($projectId: ID!) {\n    deployments(projectId: $projectId, first: 10) { id status target environment projectVersion rollbackOf createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Undo($projectId: ID!, $expectedVersion: Int) {\n    undo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation Undo($projectId: ID!, $expectedVersion: Int) {\n    undo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Redo($projectId: ID!, $expectedVersion: Int) {\n    redo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation Redo($projectId: ID!, $expectedVersion: Int) {\n    redo(projectId: $projectId, expectedVersion: $expectedVersion) { undoneVersion project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DuplicateNodes($projectId: ID!, $nodeIds: [ID!]!, $expectedVersion: Int) {\n    duplicateNodes(projectId: $projectId, nodeIds: $nodeIds, expectedVersion: $expectedVersion) { idMap project { ...ProjectFields } }\n  }\n"): (typeof documents)["\n  mutation DuplicateNodes($projectId: ID!, $nodeIds: [ID!]!, $expectedVersion: Int) {\n    duplicateNodes(projectId: $projectId, nodeIds: $nodeIds, expectedVersion: $expectedVersion) { idMap project { ...ProjectFields } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ExportProject($id: ID!) {\n    exportProject(id: $id)\n  }\n"): (typeof documents)["\n  query ExportProject($id: ID!) {\n    exportProject(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportProject($document: JSON!, $name: String) {\n    importProject(document: $document, name: $name) { id name version }\n  }\n"): (typeof documents)["\n  mutation ImportProject($document: JSON!, $name: String) {\n    importProject(document: $document, name: $name) { id name version }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;