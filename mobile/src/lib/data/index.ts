export {
  invalidateResource,
  useResource,
  type Load,
  type Loaded,
  type ResourceKey,
  type ResourceState,
} from './resource';
